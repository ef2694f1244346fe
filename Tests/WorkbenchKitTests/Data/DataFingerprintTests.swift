import Foundation
import Testing
@testable import WorkbenchKit

@Suite("Data fingerprints")
struct DataFingerprintTests {
  // FIPS 180-2 test vector for "abc".
  private let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"

  @Test("the SHA-256 of \"abc\" is the published test vector")
  func knownVector() {
    #expect(DataFingerprint.sha256(of: "abc") == abc)
    #expect(DataFingerprint.sha256(of: Array("abc".utf8)) == abc)
  }

  @Test("a file's streamed digest equals the digest of its bytes, across chunk boundaries")
  func fileDigest() throws {
    let path = NSTemporaryDirectory() + "fingerprint-\(UUID().uuidString).bin"
    defer { try? FileManager.default.removeItem(atPath: path) }
    let bytes = (0..<(3 << 20) + 17).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    #expect(try DataFingerprint.sha256(ofFileAt: path) == DataFingerprint.sha256(of: bytes))
  }

  @Test("a missing file is a located data error")
  func missingFile() {
    #expect(throws: DataError.self) { try DataFingerprint.sha256(ofFileAt: "/nonexistent/x.csv") }
  }
}
