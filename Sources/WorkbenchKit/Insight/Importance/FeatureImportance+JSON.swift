extension FeatureImportance {
  /// The importance as JSON, segments labelled with `ids`.
  func json(ids: [Int]) -> JSONValue {
    func ranked(_ features: [Feature]) -> JSONValue {
      .array(features.map { ["column": .string($0.column), "mean": .double($0.mean), "sd": .double($0.standardDeviation)] })
    }
    return [
      "method": "random forest (CART, Gini, bootstrap, sqrt features per split); permutation importance on out-of-bag rows",
      "features": InsightJSON.strings(features),
      "missing_features": InsightJSON.strings(missingFeatures),
      "fit_rows": .int(fitRows),
      "included_rows": .int(includedRows),
      "sampled": .bool(fitRows < includedRows),
      "trees": .int(trees),
      "repeats": .int(repeats),
      "out_of_bag_accuracy": .double(outOfBagAccuracy),
      "scored_rows": .int(scoredRows),
      "overall": ranked(overall),
      "segments": .array(ids.indices.map { ["id": .int(ids[$0]), "importance": ranked(perSegment[$0])] }),
      "surrogate": [
        "fidelity": .double(surrogateFidelity),
        "depth": .int(surrogateDepth),
        "segments": .array(
          ids.indices.map { g in
            var out: [String: JSONValue] = [
              "id": .int(ids[g]),
              "rules": .array(
                rules[g].map { rule in
                  [
                    "text": .string(rule.text), "conditions": InsightJSON.strings(rule.conditions), "rows": .int(rule.rows),
                    "precision": .double(rule.precision), "coverage": .double(rule.coverage),
                  ]
                }),
            ]
            if rules[g].isEmpty { out["undefined"] = "no leaf of the surrogate tree predicts this segment" }
            return .object(out)
          }),
      ],
    ]
  }
}
