/// A plugin's complete, validated parameter values, defaults filled in.
///
/// Built only by ``Parameters/resolve(_:for:at:)`` so every value has passed
/// its declared constraint and is in canonical form. Typed accessors read a
/// declared key; asking for an undeclared key or the wrong type is a
/// programmer error and stops the program.
public struct Parameters: Sendable, Equatable {
  /// The plugin these values belong to.
  public let pluginName: String
  /// Every declared parameter's value.
  public let values: [String: JSONValue]

  init(pluginName: String, values: [String: JSONValue]) {
    self.pluginName = pluginName
    self.values = values
  }

  /// The raw value of a declared parameter.
  public func value(_ name: String) -> JSONValue {
    guard let v = values[name] else { preconditionFailure("\(pluginName) reads undeclared parameter '\(name)'") }
    return v
  }

  /// An integer parameter.
  public func int(_ name: String) -> Int {
    guard let i = value(name).integer else { preconditionFailure("\(pluginName).\(name) is not an integer") }
    return i
  }

  /// A real parameter.
  public func real(_ name: String) -> Double {
    guard let d = value(name).number else { preconditionFailure("\(pluginName).\(name) is not a number") }
    return d
  }

  /// A Boolean parameter.
  public func bool(_ name: String) -> Bool {
    guard let b = value(name).bool else { preconditionFailure("\(pluginName).\(name) is not a Boolean") }
    return b
  }

  /// A text parameter.
  public func text(_ name: String) -> String {
    guard let s = value(name).string else { preconditionFailure("\(pluginName).\(name) is not a string") }
    return s
  }

  /// A list-of-strings parameter.
  public func textList(_ name: String) -> [String] {
    guard let items = value(name).array else { preconditionFailure("\(pluginName).\(name) is not a list") }
    return items.map { $0.string! }
  }

  /// A choice parameter as its Swift enum.
  public func choice<T: RawRepresentable>(_ name: String, as: T.Type = T.self) -> T where T.RawValue == String {
    guard let t = T(rawValue: text(name)) else { preconditionFailure("\(pluginName).\(name) has no case for \(text(name))") }
    return t
  }

  /// The values as one JSON object (for hashing and records).
  public var json: JSONValue { .object(values) }
}

extension Parameters {
  /// Checks `given` against a Swift plugin type's declarations and fills in defaults (for plugin authors' tests).
  public static func resolve(_ given: [String: JSONValue], for plugin: any Plugin.Type, at path: Location) -> Result<Parameters, SpecError> {
    resolve(given, declared: plugin.parameters, owner: plugin.name, at: path)
  }

  /// Checks `given` against `declared` (the parameters of `owner`, a plugin or a spec section) and fills in defaults.
  ///
  /// Returns every problem found (unknown keys with suggestions, missing
  /// required values, values out of range), each located at `path.key`.
  public static func resolve(
    _ given: [String: JSONValue], declared: [ParameterSpec], owner: String, at path: Location
  ) -> Result<Parameters, SpecError> {
    var problems = unknownKeys(given, declared: declared, owner: owner) { path.appending($0) }
    var values: [String: JSONValue] = [:]
    for spec in declared {
      guard let raw = given[spec.name] ?? spec.defaultValue else {
        problems.append(Problem(path.appending(spec.name), "the '\(spec.name)' parameter of \(owner) is required.", fix: "set it to \(spec.kind.phrase)."))
        continue
      }
      guard let value = spec.kind.normalize(raw) else {
        problems.append(
          Problem(
            path.appending(spec.name),
            "the '\(spec.name)' parameter of \(owner) must be \(spec.kind.phrase); got \(raw.canonicalText).",
            fix: spec.kind.fix))
        continue
      }
      values[spec.name] = value
    }
    guard problems.isEmpty else { return .failure(SpecError(problems)) }
    return .success(Parameters(pluginName: owner, values: values))
  }

  /// A problem for every key of `given` that `declared` lacks, located by `location(key)`, with the nearest names.
  static func unknownKeys(
    _ given: [String: JSONValue], declared: [ParameterSpec], owner: String, at location: (String) -> Location
  ) -> [Problem] {
    let names = declared.map(\.name)
    return given.keys.sorted().filter { !names.contains($0) }.map { key in
      Problem(
        location(key), "\(owner) has no parameter '\(key)'.\(NameSuggestions.hint(for: key, in: names))",
        fix: names.isEmpty ? "remove it; \(owner) takes no parameters." : "use one of: \(names.joined(separator: ", ")) (see `workbench plugins \(owner)`).")
    }
  }
}
