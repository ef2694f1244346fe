extension AlgorithmCapabilities {
  /// The keys of the capabilities object in manifests, in declaration order, with their values.
  var fields: [(key: String, value: Bool)] {
    [
      ("uses_randomness", usesRandomness), ("produces_noise", producesNoise), ("requires_cluster_count", requiresClusterCount),
      ("order_invariant", orderInvariant), ("can_predict", canPredict), ("accepts_categorical", acceptsCategorical),
      ("requires_categorical", requiresCategorical), ("scales_quadratically", scalesQuadratically), ("reports_likelihood", reportsLikelihood),
    ]
  }

  /// The capabilities as a manifest's `capabilities` object.
  public var json: JSONValue { .object(Dictionary(uniqueKeysWithValues: fields.map { ($0.key, JSONValue.bool($0.value)) })) }

  /// Reads a manifest's `capabilities` object: every key must be present and true or false, except the
  /// optional ones (``optionalKeys``, false when absent) so manifests written before they existed still load.
  init(json: JSONValue, at location: Location, problems: inout [Problem]) {
    let object = json.object ?? [:]
    if json.object == nil { problems.append(Problem(location, "'capabilities' must be an object of true/false values.")) }
    func flag(_ key: String) -> Bool {
      if object[key] == nil, Self.optionalKeys.contains(key) { return false }
      guard let value = object[key]?.bool else {
        problems.append(Problem(location.appending(key), "'\(key)' must be true or false.", fix: "declare every capability: \(AlgorithmCapabilities.keys.filter { !Self.optionalKeys.contains($0) }.joined(separator: ", ")) (reports_likelihood is optional)."))
        return false
      }
      return value
    }
    self.init(
      usesRandomness: flag("uses_randomness"), producesNoise: flag("produces_noise"), requiresClusterCount: flag("requires_cluster_count"),
      orderInvariant: flag("order_invariant"), canPredict: flag("can_predict"), acceptsCategorical: flag("accepts_categorical"),
      requiresCategorical: flag("requires_categorical"), scalesQuadratically: flag("scales_quadratically"),
      reportsLikelihood: flag("reports_likelihood"))
    for key in object.keys.sorted() where !Self.keys.contains(key) {
      problems.append(Problem(location.appending(key), "unknown capability '\(key)'.\(NameSuggestions.hint(for: key, in: Self.keys))"))
    }
  }

  /// Capabilities a manifest may leave out (meaning false).
  static let optionalKeys: Set<String> = ["reports_likelihood"]

  /// Every capability key.
  static let keys = AlgorithmCapabilities(usesRandomness: false, producesNoise: false, requiresClusterCount: false, orderInvariant: false, canPredict: false).fields.map(\.key)
}
