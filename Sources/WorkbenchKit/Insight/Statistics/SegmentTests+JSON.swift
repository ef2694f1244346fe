extension NumericColumnTests {
  /// `{"column", "anova", "kruskal_wallis", "pairwise": {"test", "adjustment", "pairs": […]}}`.
  var json: JSONValue {
    [
      "column": .string(column),
      "anova": InsightJSON.result(anova) { a in
        ["f": .double(a.f), "df_between": .int(a.betweenDegrees), "df_within": .int(a.withinDegrees), "p": .double(a.p), "eta_squared": .double(a.etaSquared)]
      },
      "kruskal_wallis": InsightJSON.result(kruskalWallis) { k in
        ["h": .double(k.h), "df": .int(k.degrees), "p": .double(k.p), "epsilon_squared": .double(k.epsilonSquared)]
      },
      "pairwise": [
        "test": "mann-whitney-u", "adjustment": "holm",
        "pairs": .array(
          pairs.map { pair in
            var out: [String: JSONValue] = ["a": .int(pair.first), "b": .int(pair.second)]
            switch pair.test {
            case .success(let t):
              out["u"] = .double(t.u)
              out["z"] = .double(t.z)
              out["p"] = .double(t.p)
              out["p_holm"] = pair.adjustedP.map(JSONValue.double) ?? .null
              out["rank_biserial"] = .double(t.rankBiserial)
            case .failure(let why):
              out["undefined"] = .string(why.reason)
            }
            return .object(out)
          }),
      ],
    ]
  }
}

extension CategoricalColumnTest {
  /// `{"column", "chi_squared": {"chi2", "df", "p", "cramers_v"}}`.
  var json: JSONValue {
    [
      "column": .string(column),
      "chi_squared": InsightJSON.result(chiSquare) { c in
        ["chi2": .double(c.chiSquared), "df": .int(c.degrees), "p": .double(c.p), "cramers_v": .double(c.cramersV)]
      },
    ]
  }
}
