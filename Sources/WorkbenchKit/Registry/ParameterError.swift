/// A parameter value that breaks a rule involving more than one parameter,
/// thrown by a plugin's `init(validated:)`; the spec reader adds the JSON path.
public struct ParameterError: Error, Sendable, Equatable {
  /// The parameter the message is about.
  public var parameter: String
  /// What is wrong.
  public var message: String
  /// How to fix it.
  public var fix: String

  public init(parameter: String, message: String, fix: String) {
    self.parameter = parameter
    self.message = message
    self.fix = fix
  }
}
