import Foundation
import Testing
import WorkbenchKit
import WorkbenchTestSupport

/// Every reference fixture says which committed script wrote it and with which package versions.
@Suite("fixture provenance")
struct FixtureProvenanceTests {
  @Test("every JSON fixture names its generator script (present beside it) and the versions it ran with")
  func generatorAndVersions() throws {
    let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
    #expect(names.count >= 20)
    for name in names {
      let json = try FixtureLoader.load(folder.appendingPathComponent(name))
      let generator = try #require(json.object?["generator"]?.string, "\(name): generator")
      let script = URL(fileURLWithPath: generator).lastPathComponent
      #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(script).path), "\(name): \(script) is committed beside it")
      let versions = try #require(json.object?["versions"]?.object, "\(name): versions")
      #expect(!versions.isEmpty && versions.values.allSatisfy { $0.string?.isEmpty == false }, "\(name): versions")
    }
  }
}
