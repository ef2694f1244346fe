extension KSelection.Group {
  /// The trial behind each k of the group (in ``ks`` order), found among `records` by its configuration: the
  /// group's setting with that k. Nil where no record matches.
  /// - Complexity: O(ks · records).
  func records(among records: [TrialRecord], clusterCountParameter: String = TrialPlan.clusterCountParameter) -> [TrialRecord?] {
    ks.map { k in
      guard var config = setting.object, var algorithm = config["algorithm"]?.object, var params = algorithm["params"]?.object else { return nil }
      params[clusterCountParameter] = .int(k)
      algorithm["params"] = .object(params)
      config["algorithm"] = .object(algorithm)
      let configuration = JSONValue.object(config)
      return records.first { $0.configuration == configuration }
    }
  }
}
