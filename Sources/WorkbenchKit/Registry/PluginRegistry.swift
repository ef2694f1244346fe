/// The set of plugins a run may use, checked for consistency when it is built.
///
/// A value, not a global: the CLI passes ``builtIn``; tests and outside
/// authors build their own. Construction checks kebab-case unique names,
/// unique parameter names, that every number has finite bounds and that
/// every default satisfies its own constraint, and reports every problem in
/// one error.
public struct PluginRegistry: Sendable {
  /// Pipeline steps, in listing order.
  public let preprocessors: [any Preprocessor.Type]
  /// Clustering algorithms, in listing order.
  public let algorithms: [any ClusteringAlgorithm.Type]
  /// Metrics, in listing order.
  public let metrics: [any ClusterMetric.Type]

  /// A registry of these plugins; throws ``RegistryError`` listing every inconsistency.
  public init(
    preprocessors: [any Preprocessor.Type], algorithms: [any ClusteringAlgorithm.Type], metrics: [any ClusterMetric.Type]
  ) throws(RegistryError) {
    self.preprocessors = preprocessors
    self.algorithms = algorithms
    self.metrics = metrics
    var problems: [String] = []
    var seen: Set<String> = []
    for plugin in allPlugins {
      let name = plugin.type.name
      if !seen.insert(name).inserted { problems.append("the name '\(name)' is registered twice (names are unique across roles)") }
      if !PluginRegistry.isKebabCase(name) { problems.append("'\(name)' is not a kebab-case name") }
      var parameterNames: Set<String> = []
      for spec in plugin.type.parameters {
        if !parameterNames.insert(spec.name).inserted { problems.append("\(name) declares '\(spec.name)' twice") }
        if let reason = spec.kind.unboundedReason { problems.append("\(name).\(spec.name) is unbounded: \(reason)") }
        if let d = spec.defaultValue, spec.kind.normalize(d) == nil {
          problems.append("the default of \(name).\(spec.name), \(d.canonicalText), is not \(spec.kind.phrase)")
        }
      }
    }
    if !problems.isEmpty { throw RegistryError(problems: problems) }
  }

  /// Every plugin with its role, preprocessors first, in listing order.
  public var allPlugins: [(kind: PluginKind, type: any Plugin.Type)] {
    preprocessors.map { (PluginKind.preprocessor, $0 as any Plugin.Type) }
      + algorithms.map { (PluginKind.algorithm, $0 as any Plugin.Type) }
      + metrics.map { (PluginKind.metric, $0 as any Plugin.Type) }
  }

  /// Names of the plugins of one role, in listing order.
  public func names(of kind: PluginKind) -> [String] {
    allPlugins.filter { $0.kind == kind }.map { $0.type.name }
  }

  /// The preprocessor called `name`, if registered.
  public func preprocessor(named name: String) -> (any Preprocessor.Type)? { preprocessors.first { $0.name == name } }
  /// The algorithm called `name`, if registered.
  public func algorithm(named name: String) -> (any ClusteringAlgorithm.Type)? { algorithms.first { $0.name == name } }
  /// The metric called `name`, if registered.
  public func metric(named name: String) -> (any ClusterMetric.Type)? { metrics.first { $0.name == name } }

  /// A plugin of any role called `name` (the first match, preprocessors first).
  public func plugin(named name: String) -> (kind: PluginKind, type: any Plugin.Type)? {
    allPlugins.first { $0.type.name == name }
  }

  /// The error for an unknown `name` of role `kind` at `location`, suggesting the nearest names.
  public func unknown(_ kind: PluginKind, named name: String, at location: Location) -> Problem {
    let known = names(of: kind)
    let near = NameSuggestions.nearest(to: name, in: known)
    let hint = near.isEmpty ? "" : " Did you mean \(near.map { "'\($0)'" }.joined(separator: ", "))?"
    return Problem(
      location, "there is no \(kind.rawValue) called '\(MessageText.excerpt(name))'.\(hint)",
      fix: "use one of: \(known.joined(separator: ", ")) (see `workbench plugins`).")
  }

  static func isKebabCase(_ name: String) -> Bool {
    !name.isEmpty && !name.hasPrefix("-") && !name.hasSuffix("-") && !name.contains("--")
      && name.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
  }
}

/// Inconsistent plugin declarations: a programming error in a plugin, found when the registry is built.
public struct RegistryError: Error, Sendable, CustomStringConvertible {
  /// Every problem found.
  public var problems: [String]
  public var description: String { "invalid plugin registry:\n" + problems.map { "- " + $0 }.joined(separator: "\n") }
}
