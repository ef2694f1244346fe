import Foundation
import Testing
import WorkbenchKit

@Suite("File identity")
struct FileIdentityTests {
  /// A fresh folder holding `data.csv`, a symbolic link and a hard link to it, a linked folder `alias -> sub`, and `sub/`.
  private static func folder() throws -> String {
    let folder = NSTemporaryDirectory() + "identity-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
    try "a,b\n1,2\n".write(toFile: folder + "/data.csv", atomically: true, encoding: .utf8)
    try FileManager.default.createSymbolicLink(atPath: folder + "/link.csv", withDestinationPath: "data.csv")
    try FileManager.default.linkItem(atPath: folder + "/data.csv", toPath: folder + "/hard.csv")
    try FileManager.default.createSymbolicLink(atPath: folder + "/alias", withDestinationPath: "sub")
    return folder
  }

  @Test("an existing file is the same file through any spelling, a symbolic link or a hard link; another file is not")
  func existing() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let data = FileIdentity(of: folder + "/data.csv")
    for spelling in ["/./data.csv", "/sub/../data.csv", "/link.csv", "/hard.csv", "//data.csv"] {
      #expect(FileIdentity(of: folder + spelling) == data, "\(spelling)")
    }
    try "other\n".write(toFile: folder + "/other.csv", atomically: true, encoding: .utf8)
    #expect(FileIdentity(of: folder + "/other.csv") != data)
  }

  @Test("a file not yet written is its resolved path: equal through a linked folder or `..`, different by name")
  func missing() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let new = FileIdentity(of: folder + "/sub/new.csv")
    #expect(FileIdentity(of: folder + "/alias/new.csv") == new)
    #expect(FileIdentity(of: folder + "/sub/../sub/./new.csv") == new)
    #expect(FileIdentity(of: folder + "/sub/other.csv") != new)
    #expect(FileIdentity(of: folder + "/missing/new.csv") == FileIdentity(of: folder + "/missing/./new.csv"), "a missing folder: the standardized path")
  }
}
