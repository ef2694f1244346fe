import Foundation

/// Facts about this build recorded in every manifest.
public enum WorkbenchVersion {
  /// The workbench's version.
  public static let current = "0.1.0"

  /// The Swift compiler this binary was built with (major.minor).
  public static var swift: String {
    #if compiler(>=6.4)
      "6.4 or later"
    #elseif compiler(>=6.3)
      "6.3"
    #elseif compiler(>=6.2)
      "6.2"
    #elseif compiler(>=6.1)
      "6.1"
    #else
      "6.0"
    #endif
  }

  /// The operating system and its version.
  public static var operatingSystem: String {
    #if os(Linux)
      "Linux " + ProcessInfo.processInfo.operatingSystemVersionString
    #elseif os(macOS)
      "macOS " + ProcessInfo.processInfo.operatingSystemVersionString
    #else
      ProcessInfo.processInfo.operatingSystemVersionString
    #endif
  }

  /// The CPU architecture.
  public static var architecture: String {
    #if arch(x86_64)
      "x86_64"
    #elseif arch(arm64)
      "arm64"
    #else
      "unknown"
    #endif
  }
}
