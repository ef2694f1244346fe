extension SegmentInsight {
  /// Everything as one JSON document (sorted keys when written; arrays in id and column order): the `insight/<hash>.json` payload.
  public var json: JSONValue {
    let ids = segments.map(\.id)
    return [
      "rows": ["total": .int(totalRows), "included": .int(includedRows), "excluded": .int(excludedRows), "noise": .int(noiseRows)],
      "segments": .array(segments.map(\.json)),
      "roles": roles.json,
      "profiles": profiles.json(ids: ids),
      "tests": [
        "numeric": .array(numericTests.map(\.json)),
        "categorical": .array(categoricalTests.map(\.json)),
        "noise": "left out: the tests compare the segments",
      ],
      "importance": InsightJSON.result(importance) { $0.json(ids: ids) },
      "behaviour": [
        "discount": InsightJSON.result(discount, \.json),
        "campaigns": InsightJSON.result(campaigns, \.json),
        "channels": InsightJSON.result(channels, \.json),
        "categories": InsightJSON.result(categories, \.json),
        "aha_moments": InsightJSON.result(ahaMoments, \.json),
      ],
    ]
  }
}

extension SegmentInsight.Segment {
  /// `{"id", "name", "size", "share", "naming": {"rule", "label", "evidence": [{"column", "z"}]}}`.
  var json: JSONValue {
    var naming: [String: JSONValue] = [
      "rule": .string(name.rule.rawValue),
      "evidence": .array(name.evidence.map { ["column": .string($0.column), "z": .double($0.z)] }),
    ]
    if let label = name.label { naming["label"] = .string(label) }
    return ["id": .int(id), "name": .string(name.name), "size": .int(size), "share": .double(share), "naming": .object(naming)]
  }
}
