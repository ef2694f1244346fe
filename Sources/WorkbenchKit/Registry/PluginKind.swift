/// The three roles a plugin can play.
public enum PluginKind: String, Sendable, CaseIterable, Equatable {
  case preprocessor
  case algorithm
  case metric

  /// The plural noun, for messages ("algorithms").
  public var plural: String { rawValue + "s" }
}
