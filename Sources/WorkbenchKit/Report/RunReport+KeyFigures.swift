/// The run's key figures as JSON, embedded in the page for readers who want to script against it.
extension RunReport {
  /// `{"experiment", "run_key", "data", "ranking", "leaderboard", "k_selection", "segments"}`: the numbers the page
  /// shows, with the same names as the run's other files (`config_hash`, `segment_ids`, …).
  var keyFigures: JSONValue {
    func number(_ value: Double?) -> JSONValue { value.map(JSONValue.double) ?? .null }
    let leaderboard = board.ranked.enumerated().map { position, entry -> JSONValue in
      [
        "rank": .int(position + 1), "config_hash": .string(entry.record.configHash), "pipeline": .string(entry.record.pipeline),
        "algorithm": .string(entry.record.algorithmName), "parameters": .string(parameterTexts[entry.record.index] ?? ""),
        "clusters": entry.record.clusterCount.map(JSONValue.int) ?? .null, "score": .double(entry.score), "quality": .double(entry.quality),
        "stability": number(entry.stability), "pareto": .bool(entry.onParetoFront),
        "ranking_metric": number(board.rule.quality(of: entry.record)?.value),
      ]
    }
    let groups = kSelection.groups.map { group -> JSONValue in
      var o: [String: JSONValue] = [
        "title": .string(kSelection.title(of: group)), "k": .array(group.ks.map(JSONValue.int)),
        "choices": .object(Dictionary(uniqueKeysWithValues: group.choices.map { ($0.rule, $0.k.map(JSONValue.int) ?? .null) })),
      ]
      if let consensus = group.consensus { o["consensus"] = ["k": .int(consensus.k), "rules_agreeing": .int(consensus.votes)] }
      return .object(o)
    }
    var o: [String: JSONValue] = [
      "experiment": .string(plan.experiment.name), "run_key": .string(manifest.runKey), "tool_version": .string(manifest.toolVersion),
      "data": ["path": .string(manifest.dataPath), "sha256": .string(manifest.dataSHA256), "rows": .int(manifest.rows), "columns": .int(manifest.columns)],
      "trials": ["planned": .int(manifest.planned), "ranked": .int(board.ranked.count), "unranked": .int(board.unranked.count)],
      "ranking": ["metric": .string(board.rule.spec.metric), "stability_weight": .double(board.rule.spec.stabilityWeight)],
      "leaderboard": .array(leaderboard), "k_selection": .array(groups),
    ]
    if let view = segments {
      o["described_trial"] = .string(view.record.configHash)
      o["segments"] = .array(
        view.sizes.map { id, size in
          [
            "segment_id": .int(id), "name": .string(view.name(id)), "size": .int(size), "colour": .string(SegmentPalette.colour(id)),
            "share": .double(Double(size) / Double(max(view.sizes.reduce(0) { $0 + $1.size }, 1))),
          ]
        })
      if case .success(let s) = view.geometry.silhouettes {
        o["silhouette_sample"] = ["rows": .int(s.sampled), "of": .int(s.population), "mean": .double(s.mean)]
      }
    }
    return .object(o)
  }
}
