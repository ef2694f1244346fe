/// A pipeline step as the registry holds it: declarations, what it does to categorical columns, and factories.
public struct PreprocessorDescriptor: PluginDescriptor {
  public static let kind = PluginKind.preprocessor
  public let name: String
  public let summary: String
  public let parameters: [ParameterSpec]
  /// What the step may do to categorical columns; lets a spec be checked before any data is read.
  public let categoricalEffect: CategoricalEffect
  /// Builds a step from validated parameters.
  public let make: @Sendable (Parameters) throws -> any Preprocessor
  /// Rebuilds a fitted step from its saved state (to transform new rows later).
  public let restore: @Sendable (JSONValue) throws -> any FittedPreprocessor
  /// Where an external plugin comes from (its manifest and fingerprint); `nil` for built-ins.
  public var origin: PluginOrigin?

  public init(
    name: String, summary: String, parameters: [ParameterSpec], categoricalEffect: CategoricalEffect,
    make: @escaping @Sendable (Parameters) throws -> any Preprocessor, restore: @escaping @Sendable (JSONValue) throws -> any FittedPreprocessor
  ) {
    self.name = name
    self.summary = summary
    self.parameters = parameters
    self.categoricalEffect = categoricalEffect
    self.make = make
    self.restore = restore
  }

  /// The descriptor of a built-in Swift step.
  public init<Step: Preprocessor>(_ type: Step.Type) {
    self.init(
      name: type.name, summary: type.summary, parameters: type.parameters, categoricalEffect: type.categoricalEffect,
      make: { try Step(validated: $0) }, restore: { try Step.restore(state: $0) })
  }

  /// Builds an instance and discards it: how spec reading applies rules that span parameters.
  public func check(_ parameters: Parameters) throws { _ = try make(parameters) }

  /// An instance with `given` parameters (defaults filled in); invalid values are a ``SpecError``.
  public func instance(_ given: [String: JSONValue] = [:]) throws -> any Preprocessor {
    try make(try resolve(given, at: Location()).get())
  }
}
