import Testing
import WorkbenchNumerics

@testable import WorkbenchKit

@Suite("Unique texts (the id check)")
struct UniqueTextsTests {
  /// What a dictionary of first positions finds: the earliest position whose text appeared before, and where.
  private func dictionaryAnswer(_ texts: [String]) -> (position: Int, earlier: Int)? {
    var first: [String: Int] = [:]
    for (i, text) in texts.enumerated() where !text.isEmpty {
      if let earlier = first[text] { return (i, earlier) }
      first[text] = i
    }
    return nil
  }

  @Test("the first repeat and its first occurrence equal a dictionary's, over sizes, alphabets and empty texts")
  func equalsDictionary() {
    var random = SeededGenerator(seed: 5)
    var repeats = 0
    for n in [0, 1, 2, 3, 17, 1_000, 70_000, 200_000] {
      for alphabet in [2, n * n / 4 + 1, Int.max / 2] {
        let texts = (0..<n).map { _ -> String in
          let draw = random.nextIndex(below: max(alphabet, 1))
          return draw % 11 == 5 && alphabet < 100 ? "" : "C\(draw)"
        }
        let expected = dictionaryAnswer(texts)
        let found = UniqueTexts.firstRepeat(texts, skip: \.isEmpty)
        #expect(found?.position == expected?.position && found?.earlier == expected?.earlier, "n \(n), alphabet \(alphabet)")
        if expected != nil { repeats += 1 }
      }
    }
    #expect(repeats >= 10, "the cases include repeats")
    let unique = (0..<100_000).map { "id-\($0)" }
    #expect(UniqueTexts.firstRepeat(unique, skip: \.isEmpty) == nil)
    var late = unique
    late[99_999] = "id-123"
    #expect(UniqueTexts.firstRepeat(late, skip: \.isEmpty).map { [$0.position, $0.earlier] } == [99_999, 123])
    #expect(UniqueTexts.firstRepeat(["é", "x", "e\u{301}"], skip: \.isEmpty).map { [$0.position, $0.earlier] } == [2, 0],
      "texts compare as Swift strings (canonically equivalent spellings are the same id), as the dictionary did")
    #expect(UniqueTexts.firstRepeat(["K", "x", "\u{212A}"], skip: \.isEmpty).map { [$0.position, $0.earlier] } == [2, 0], "the Kelvin sign is a K")
  }
}
