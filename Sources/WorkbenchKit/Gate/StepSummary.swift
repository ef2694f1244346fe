import Foundation

/// A job summary file that several steps add to, such as GitHub Actions' `$GITHUB_STEP_SUMMARY`.
///
/// Text is appended (the file is created when missing), never replacing what
/// earlier steps wrote, in one `write` call so concurrent appenders do not
/// interleave within it.
public enum StepSummary {
  /// Appends `text` to the file at `path`.
  public static func append(_ text: String, to path: String) throws(ResultStoreError) {
    if !FileManager.default.fileExists(atPath: path), !FileManager.default.createFile(atPath: path, contents: nil) {
      throw ResultStoreError(path: path, reason: "cannot create the summary file", fix: "check that its folder exists and is writable")
    }
    guard let handle = FileHandle(forWritingAtPath: path) else {
      throw ResultStoreError(path: path, reason: "cannot open the summary file for writing", fix: "check its permissions")
    }
    do {
      try handle.seekToEnd()
      try handle.write(contentsOf: Data(text.utf8))
      try handle.close()
    } catch {
      throw ResultStoreError(path: path, reason: "cannot append to the summary file (\(error.localizedDescription))")
    }
  }
}
