import WorkbenchKit
import Foundation

/// The process's resident-set high-water mark, read from `/proc/self/status`.
///
/// `VmHWM` is the most resident memory the *process* has held since it
/// started, so one process measures one workload honestly only if it ran
/// nothing bigger before; the benchmark therefore runs each workload in a
/// fresh child process.
public enum PeakMemory {
  /// The current process's `VmHWM` in bytes; `nil` where `/proc` is not available (macOS).
  public static func highWaterMark() -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    return parse(status: status)
  }

  /// The `VmHWM` line of a `/proc/<pid>/status` text in bytes (the file states kibibytes).
  public static func parse(status: String) -> Int? {
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
      let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
      guard fields.count >= 2, let kib = Int(fields[1]) else { return nil }
      return kib * 1024
    }
    return nil
  }
}
