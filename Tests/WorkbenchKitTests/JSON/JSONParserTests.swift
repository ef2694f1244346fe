import Testing
@testable import WorkbenchKit

@Suite("JSON parser")
struct JSONParserTests {
  @Test("integers and reals stay distinct")
  func numbers() throws {
    let value = try JSONParser.parse(#"{"a": 4, "b": 4.0, "c": -1e-3, "d": 12345678901234567890}"#)
    #expect(value.object?["a"] == .int(4))
    #expect(value.object?["b"] == .double(4.0))
    #expect(value.object?["c"] == .double(-0.001))
    #expect(value.object?["d"] == .double(12345678901234567890.0))
  }

  @Test("strings decode escapes and surrogate pairs")
  func strings() throws {
    let value = try JSONParser.parse(#"["a\"b\\c\nd", "\u00e9\ud83d\ude00", "naïve"]"#)
    #expect(value == .array([.string("a\"b\\c\nd"), .string("é😀"), .string("naïve")]))
  }

  @Test("a syntax error reports its line and column")
  func syntaxErrorLocation() {
    let text = "{\n  \"name\": \"x\",\n  \"seed\": 42,,\n}"
    #expect(throws: JSONParser.SyntaxError(line: 3, column: 14, message: "expected a quoted key but found ',' (trailing commas are not allowed)")) {
      try JSONParser.parse(text)
    }
  }

  @Test("duplicate keys, trailing commas and empty input are rejected")
  func rejects() {
    #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(#"{"k": 1, "k": 2}"#) }
    #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse("[1, 2,]") }
    #expect(throws: JSONParser.SyntaxError(line: 1, column: 1, message: "the file is empty; expected a JSON object")) { try JSONParser.parse("") }
    #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse("01") }
    #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse("{} x") }
  }

  @Test("canonical text sorts keys and round-trips")
  func canonical() throws {
    let value: JSONValue = ["z": 1, "a": ["x": 0.1, "b": [true, .null, "q\""]]]
    #expect(value.canonicalText == #"{"a":{"b":[true,null,"q\""],"x":0.1},"z":1}"#)
    #expect(try JSONParser.parse(value.canonicalText) == value)
    #expect(try JSONParser.parse(value.prettyText) == value)
  }

  @Test("doubles print in their shortest round-trip form")
  func doubleFormat() {
    #expect(JSONValue.double(0.1).canonicalText == "0.1")
    #expect(JSONValue.double(3).canonicalText == "3.0")
    #expect(JSONValue.double(1e-5).canonicalText == "1e-05")
    #expect(JSONValue.double(.nan).canonicalText == "null")
  }
}

@Suite("JSON parser: inputs found by fuzzing and reported mistakes")
struct JSONParserHardeningTests {
  @Test("a high surrogate followed by a non-surrogate escape is a syntax error, not a trap (fuzz crash-4d97465287ab)")
  func brokenSurrogatePair() {
    #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(#"{"a": "\u04e9\ud83d\uacce"}"#) }
    #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(#""\ud83d\u0041""#) }
  }

  @Test("errors inside a value carry its JSON path")
  func errorPath() {
    #expect(throws: JSONParser.SyntaxError(line: 1, column: 25, message: "the number 1e309 is beyond the largest a double can hold (±1.8e308)", path: "a[1].b")) {
      try JSONParser.parse(#"{"a": [0, {"x": 1, "b": 1e309}]}"#)
    }
  }

  @Test("single quotes, comments, NaN and non-UTF-8 bytes are named")
  func namedMistakes() {
    func message(_ text: [UInt8]) -> String {
      do {
        _ = try JSONParser.parse(text)
        return ""
      } catch { return error.message }
    }
    #expect(message(Array("{'name': 1}".utf8)) == "found a single quote; JSON needs double quotes (\") around keys and strings")
    #expect(message(Array(#"{"a": 'x'}"#.utf8)) == "found a single quote; JSON needs double quotes (\") around strings and keys")
    #expect(message(Array("{\"a\": 1 // note\n}".utf8)) == "expected ',' or '}' but found '/'")
    #expect(message(Array("// note\n{}".utf8)) == "found a comment; JSON has no comments")
    #expect(message(Array(#"[NaN]"#.utf8)) == "found 'N'; JSON has no NaN or Infinity, only finite numbers")
    #expect(message(Array(#"[-Infinity]"#.utf8)) == "found -Infinity; JSON has no NaN or Infinity, only finite numbers")
    #expect(message([0x22, 0x74, 0xE9, 0x22]) == "the byte 0xE9 in a string is not UTF-8; the file must be saved as UTF-8")
    #expect(message([0x7B, 0xE9]) == "expected a quoted key but found the byte 0xE9, which is not UTF-8 (save the file as UTF-8)")
  }

  @Test("valid multi-byte text round-trips")
  func unicodeRoundTrip() throws {
    let value = try JSONParser.parse(Array("\"naïve – 😀\"".utf8))
    #expect(value == .string("naïve – 😀"))
  }
}
