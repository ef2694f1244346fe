import Foundation
import Testing
import WorkbenchKit

/// One bad input of the corpus in `BadInputs/cases.json`: files, commands, and what every command must say.
struct BadInputCase: Sendable, CustomTestStringConvertible {
  var name: String
  /// Why the case exists (the reproducer or mistake it stands for).
  var why: String
  /// The spec file's bytes, when the case has one.
  var spec: [UInt8]?
  /// The data file's bytes (the corpus's default CSV unless the case gives its own).
  var csv: [UInt8]
  /// The commands run in the case's folder; by default `validate spec.json` and `run spec.json --out out`.
  var commands: [[String]]
  /// The exit code every command must end with: 2 spec or usage, 3 data.
  var exit: Int32
  /// Where the message must say the problem is: the file with a JSON path, or a CSV line and column.
  var place: String
  /// A part of the message that says what is wrong.
  var message: String
  /// Text the message must not contain (bogus follow-up errors, wrong advice).
  var absent: [String]

  var testDescription: String { name }

  /// Every case of the corpus, in file order.
  static let all: [BadInputCase] = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("BadInputs/cases.json")
    guard let data = FileManager.default.contents(atPath: url.path), let corpus = try? JSONParser.parse([UInt8](data)).object,
      let defaultCSV = corpus["default_csv"]?.string, let cases = corpus["cases"]?.array
    else { preconditionFailure("cannot read \(url.path)") }
    return cases.map { value in
      let c = value.object!
      var spec: [UInt8]?
      if let text = c["spec_text"]?.string { spec = Array(text.utf8) }
      if let hex = c["spec_hex"]?.string { spec = bytes(hex: hex) }
      if let object = c["spec"] { spec = Array(object.prettyText.utf8) }
      let csv = c["csv_hex"]?.string.map { bytes(hex: $0) } ?? Array((c["csv"]?.string ?? defaultCSV).utf8)
      let commands = c["commands"]?.array?.map { $0.array!.map { $0.string! } }
        ?? [["validate", "spec.json"], ["run", "spec.json", "--out", "out", "--quiet"]]
      return BadInputCase(
        name: c["name"]!.string!, why: c["why"]!.string!, spec: spec, csv: csv, commands: commands, exit: Int32(c["exit"]!.integer!),
        place: c["place"]!.string!, message: c["message"]!.string!, absent: c["absent"]?.array?.map { $0.string! } ?? [])
    }
  }()

  private static func bytes(hex: String) -> [UInt8] {
    let digits = Array(hex.utf8)
    return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(decoding: digits[$0..<$0 + 2], as: UTF8.self), radix: 16)! }
  }
}

@Suite("bad-input corpus")
struct BadInputCorpusTests {
  @Test("the corpus holds at least 100 cases with distinct names")
  func size() {
    #expect(BadInputCase.all.count >= 100)
    #expect(Set(BadInputCase.all.map(\.name)).count == BadInputCase.all.count)
  }

  @Test("every bad input fails with its exit code, names the place and the problem, and leaves nothing in --out", arguments: BadInputCase.all)
  func badInput(_ c: BadInputCase) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("workbench-bad-\(c.name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    if let spec = c.spec { try Data(spec).write(to: folder.appendingPathComponent("spec.json")) }
    try Data(c.csv).write(to: folder.appendingPathComponent("data.csv"))
    for arguments in c.commands {
      let output = try CommandRunner.run(arguments, in: folder)
      let command = arguments.joined(separator: " ")
      #expect(output.status == c.exit, "\(command): exit \(output.status)\n\(output.stderr)")
      #expect(output.stderr.contains(c.place), "\(command): the message does not name \(c.place)\n\(output.stderr)")
      #expect(output.stderr.contains(c.message), "\(command): the message does not say \(c.message)\n\(output.stderr)")
      for text in c.absent { #expect(!output.stderr.contains(text), "\(command): the message says \(text)\n\(output.stderr)") }
    }
    let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !["spec.json", "data.csv"].contains($0) }
    #expect(left.isEmpty, "files left behind: \(left)")
  }
}
