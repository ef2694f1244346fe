/// The set of plugins a run may use, checked for consistency when it is built.
///
/// A value, not a global: the CLI passes ``builtIn`` (plus any external
/// plugins it found); tests and outside authors build their own.
/// Construction checks kebab-case unique names, unique parameter names,
/// that every number has finite bounds and that every default satisfies its
/// own constraint, and reports every problem in one error.
public struct PluginRegistry: Sendable {
  /// Pipeline steps, in listing order.
  public let preprocessors: [PreprocessorDescriptor]
  /// Clustering algorithms, in listing order.
  public let algorithms: [AlgorithmDescriptor]
  /// Metrics, in listing order.
  public let metrics: [MetricDescriptor]

  /// A registry of these plugins; throws ``RegistryError`` listing every inconsistency.
  public init(preprocessors: [PreprocessorDescriptor], algorithms: [AlgorithmDescriptor], metrics: [MetricDescriptor]) throws(RegistryError) {
    self.preprocessors = preprocessors
    self.algorithms = algorithms
    self.metrics = metrics
    var problems: [String] = []
    var seen: Set<String> = []
    for plugin in allPlugins {
      let name = plugin.name
      if !seen.insert(name).inserted { problems.append("the name '\(name)' is registered twice (names are unique across roles)") }
      if !PluginRegistry.isKebabCase(name) { problems.append("'\(name)' is not a kebab-case name") }
      var parameterNames: Set<String> = []
      for spec in plugin.parameters {
        if !parameterNames.insert(spec.name).inserted { problems.append("\(name) declares '\(spec.name)' twice") }
        if let reason = spec.kind.unboundedReason { problems.append("\(name).\(spec.name) is unbounded: \(reason)") }
        if let d = spec.defaultValue, spec.kind.normalize(d) == nil {
          problems.append("the default of \(name).\(spec.name), \(d.canonicalText), is not \(spec.kind.phrase)")
        }
      }
    }
    if !problems.isEmpty { throw RegistryError(problems: problems) }
  }

  /// A registry of built-in Swift plugin types, each adapted through its role's descriptor.
  public init(
    preprocessors: [any Preprocessor.Type], algorithms: [any ClusteringAlgorithm.Type], metrics: [any ClusterMetric.Type]
  ) throws(RegistryError) {
    try self.init(
      preprocessors: preprocessors.map { PreprocessorDescriptor($0) }, algorithms: algorithms.map { AlgorithmDescriptor($0) },
      metrics: metrics.map { MetricDescriptor($0) })
  }

  /// This registry with `other`'s plugins appended to each role (external plugins beside the built-ins).
  public func adding(_ other: PluginRegistry) throws(RegistryError) -> PluginRegistry {
    try PluginRegistry(
      preprocessors: preprocessors + other.preprocessors, algorithms: algorithms + other.algorithms, metrics: metrics + other.metrics)
  }

  /// Every plugin, preprocessors first, in listing order.
  public var allPlugins: [any PluginDescriptor] { preprocessors + algorithms + metrics }

  /// Names of the plugins of one role, in listing order.
  public func names(of kind: PluginKind) -> [String] {
    allPlugins.filter { $0.kind == kind }.map(\.name)
  }

  /// The preprocessor called `name`, if registered.
  public func preprocessor(named name: String) -> PreprocessorDescriptor? { preprocessors.first { $0.name == name } }
  /// The algorithm called `name`, if registered.
  public func algorithm(named name: String) -> AlgorithmDescriptor? { algorithms.first { $0.name == name } }
  /// The metric called `name`, if registered.
  public func metric(named name: String) -> MetricDescriptor? { metrics.first { $0.name == name } }

  /// A plugin of any role called `name`.
  public func plugin(named name: String) -> (any PluginDescriptor)? {
    allPlugins.first { $0.name == name }
  }

  /// The error for an unknown `name` of role `kind` at `location`, suggesting the nearest names.
  public func unknown(_ kind: PluginKind, named name: String, at location: Location) -> Problem {
    let known = names(of: kind)
    return Problem(
      location, "there is no \(kind.rawValue) called '\(MessageText.excerpt(name))'.\(NameSuggestions.hint(for: name, in: known))",
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
