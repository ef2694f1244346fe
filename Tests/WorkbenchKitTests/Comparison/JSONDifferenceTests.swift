import Testing
@testable import WorkbenchKit

@Suite("Differences between JSON documents as paths")
struct JSONDifferenceTests {
  @Test("objects by key, equal-length arrays by element, anything else whole; $schema ignored in specs")
  func paths() throws {
    let a = try JSONParser.parse(#"{"$schema": "x", "name": "n", "algorithms": [{"use": "kmeans", "grid": {"k": [2, 3]}}], "seed": 1}"#)
    let b = try JSONParser.parse(#"{"$schema": "y", "name": "n", "algorithms": [{"use": "kmeans", "grid": {"k": [2, 3, 4]}}], "stability": {}}"#)
    let changes = JSONDifference.specChanges(a, b)
    #expect(changes.map(\.path) == ["algorithms[0].grid.k", "seed", "stability"])
    #expect(changes[0].text == "algorithms[0].grid.k: [2,3] → [2,3,4]")
    #expect(changes[1].second == nil)
    #expect(changes[2].text == "stability: (absent) → {}")
    #expect(JSONDifference.changes(a, b).first?.path == "$schema")
    #expect(JSONDifference.changes(.int(2), .double(2)).count == 1)
    #expect(JSONDifference.changes(a, a).isEmpty)
    #expect(JSONDifference.Change(path: "p", first: .string(String(repeating: "x", count: 80)), second: nil).text.count < 80)
  }
}
