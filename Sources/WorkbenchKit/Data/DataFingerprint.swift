import Crypto
import Foundation

/// SHA-256 digests as lowercase hex: the identity of a data file, or of a canonical config text.
///
/// A run's manifest records the data file's digest so a later `verify` can
/// prove it ran on the same bytes; config hashes use the digest of a
/// trial's canonical JSON text.
public enum DataFingerprint {
  /// The SHA-256 of the file at `path`, read in 1 MiB chunks so large files need little memory (a named pipe without a
  /// writer reads as empty instead of blocking).
  public static func sha256(ofFileAt path: String) throws(DataError) -> String {
    let descriptor = openForReading(path)
    guard descriptor >= 0 else {
      let exists = FileManager.default.fileExists(atPath: path)
      throw DataError(
        Location(file: path), exists ? "the file cannot be read." : "no such file.",
        fix: exists ? "check that you have permission to read it." : "check the path; it is relative to the spec file.")
    }
    let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    var hasher = SHA256()
    do {
      while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
        hasher.update(data: chunk)
      }
    } catch {
      throw DataError(Location(file: path), "reading the file failed: \(error.localizedDescription)", fix: "check that the file is readable.")
    }
    return hex(hasher.finalize())
  }

  /// The SHA-256 of `bytes`.
  public static func sha256(of bytes: [UInt8]) -> String {
    hex(SHA256.hash(data: bytes))
  }

  /// The SHA-256 of `data`.
  public static func sha256(of data: Data) -> String {
    hex(SHA256.hash(data: data))
  }

  /// The SHA-256 of `text`'s UTF-8 bytes.
  public static func sha256(of text: String) -> String {
    sha256(of: Array(text.utf8))
  }

  private static func hex(_ digest: SHA256.Digest) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(SHA256.byteCount * 2)
    for byte in digest {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
  }
}
