extension DiscountSensitivity {
  /// `{"measures", "correlations", "segments": [{"id", "means", "z_scores", "correlations"}], "heatmap": {…}}`.
  var json: JSONValue {
    let others = Array(measures.dropFirst())
    func correlations(_ scores: [Score]) -> JSONValue { InsightJSON.object(Array(zip(others, scores))) }
    return [
      "measures": InsightJSON.strings(measures),
      "correlation": "spearman",
      "correlations": correlations(self.correlations),
      "segments": .array(
        segmentIds.indices.map { g in
          [
            "id": .int(segmentIds[g]), "means": InsightJSON.object(Array(zip(measures, means[g]))),
            "z_scores": InsightJSON.object(Array(zip(measures, zScores[g]))), "correlations": correlations(segmentCorrelations[g]),
          ]
        }),
      "heatmap": [
        "rows": InsightJSON.integers(segmentIds), "columns": InsightJSON.strings(measures), "value": "z-score of the segment mean",
        "values": .array(zScores.map { .array($0.map(InsightJSON.value)) }),
      ],
    ]
  }
}

extension CampaignResponse {
  /// `{"interval": "wilson 95 %", "campaigns": [{"column", "population": {…}, "segments": [{"id", …}]}]}`.
  var json: JSONValue {
    func rate(_ r: Rate, _ extra: [String: JSONValue]) -> JSONValue {
      var members = extra
      members["customers"] = .int(r.customers)
      members["responders"] = .int(r.responders)
      return InsightJSON.object([("rate", r.rate)], members)
    }
    return [
      "interval": "95 % Wilson score interval",
      "campaigns": .array(
        campaigns.map { c in
          [
            "column": .string(c.column), "population": rate(c.population, [:]),
            "segments": .array(c.segments.indices.map { rate(c.segments[$0], ["id": .int(segmentIds[$0])]) }),
          ]
        }),
    ]
  }
}

extension PreferenceShares {
  /// `{"options", "population": [shares], "segments": [{"id", "shares", "top"}]}`.
  var json: JSONValue {
    let top = self.top
    return [
      "options": InsightJSON.strings(options),
      "population": InsightJSON.result(population) { InsightJSON.numbers($0) },
      "segments": .array(
        segmentIds.indices.map { g in
          ["id": .int(segmentIds[g]), "shares": InsightJSON.result(segments[g]) { InsightJSON.numbers($0) }, "top": top[g].map(JSONValue.string) ?? .null]
        }),
    ]
  }
}

extension AhaMoments {
  /// `{"monetary", "high_value": {…}, "moments": […], "top": […], "skipped": […]}`.
  var json: JSONValue {
    func moment(_ m: Moment) -> JSONValue {
      InsightJSON.object(
        [("rate", m.rate), ("lift", m.lift)],
        [
          "column": .string(m.column), "direction": .string(m.atLeast ? ">=" : "<="), "threshold": .double(m.threshold),
          "customers": .int(m.customers), "support": .double(m.support), "text": .string(m.text),
        ])
    }
    return [
      "monetary": .string(monetary),
      "high_value": ["definition": "top quintile of monetary (at or above its 80th percentile)", "threshold": .double(highValueThreshold)],
      "moments": .array(moments.map(moment)),
      "top": .array(top.map(moment)),
      "skipped": .array(skipped.map { ["column": .string($0.column), "reason": .string($0.reason)] }),
    ]
  }
}
