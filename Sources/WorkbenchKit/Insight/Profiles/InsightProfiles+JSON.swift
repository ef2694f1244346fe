extension InsightProfiles {
  /// The profiles as JSON, segments labelled with `ids`: `{"numeric": […], "categorical": […], "skipped": […]}`.
  func json(ids: [Int]) -> JSONValue {
    [
      "numeric": .array(numeric.map { $0.json(ids: ids) }),
      "categorical": .array(categorical.map { $0.json(ids: ids) }),
      "skipped": .array(skipped.map { ["column": .string($0.column), "reason": .string($0.reason)] }),
    ]
  }
}

extension NumericSummary {
  /// The summary's statistics under short keys, plus `extra` members.
  func json(_ extra: [String: JSONValue] = [:], more: [(String, Score)] = []) -> JSONValue {
    var members = extra
    members["count"] = .int(count)
    members["missing"] = .int(missing)
    return InsightJSON.object(
      [
        ("mean", mean), ("sd", standardDeviation), ("min", minimum), ("q1", lowerQuartile), ("median", median),
        ("q3", upperQuartile), ("max", maximum),
      ] + more, members)
  }
}

extension NumericColumnProfile {
  /// `{"column", "population": {…}, "segments": [{"id", …, "relative_difference", "z_score"}]}`.
  func json(ids: [Int]) -> JSONValue {
    [
      "column": .string(column),
      "population": population.json(),
      "segments": .array(
        segments.indices.map { g in
          segments[g].json(["id": .int(ids[g])], more: [("relative_difference", relativeDifferences[g]), ("z_score", zScores[g])])
        }),
    ]
  }
}

extension CategoricalColumnProfile {
  /// `{"column", "categories", "population": {"counts", "missing", "shares"}, "segments": [{"id", …}]}`.
  func json(ids: [Int]) -> JSONValue {
    func counts(_ c: Counts, _ extra: [String: JSONValue]) -> JSONValue {
      var out = extra
      out["counts"] = InsightJSON.integers(c.counts)
      out["missing"] = .int(c.missing)
      if let shares = c.shares {
        out["shares"] = InsightJSON.numbers(shares)
      } else {
        out["shares"] = .null
        out["undefined"] = ["shares": "no values"]
      }
      return .object(out)
    }
    return [
      "column": .string(column),
      "categories": InsightJSON.strings(categories),
      "population": counts(population, [:]),
      "segments": .array(segments.indices.map { counts(segments[$0], ["id": .int(ids[$0])]) }),
    ]
  }
}
