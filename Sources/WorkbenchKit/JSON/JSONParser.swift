/// Reads JSON text into a ``JSONValue``, reporting the line, column and JSON path of the first error.
///
/// Strict RFC 8259: no comments, no trailing commas, one top-level value,
/// UTF-8 text. A duplicate key in an object is an error (a spec that says
/// `k` twice is ambiguous). Numbers without a fraction or exponent that fit
/// an `Int` become `.int`; all others `.double`, and a number beyond the
/// largest double (`1e309`) is an error, so no value is ever infinite.
/// Mistakes people make often get their own message: single quotes,
/// comments, `NaN`/`Infinity`, bytes that are not UTF-8 (named in hex).
public struct JSONParser {
  /// A syntax error at a 1-based line and column, inside the value at `path` (`algorithms[0].grid.k`; empty at the top).
  public struct SyntaxError: Error, Equatable, Sendable {
    public var line: Int
    public var column: Int
    public var message: String
    public var path: String = ""
  }

  /// One step of the path from the top-level value to the value being read.
  private enum PathStep {
    case key(String)
    case index(Int)
  }

  private let bytes: [UInt8]
  private var index = 0
  private var path: [PathStep] = []

  private init(_ bytes: [UInt8]) {
    self.bytes = bytes
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
  }

  /// Parses a whole document.
  public static func parse(_ text: String) throws(SyntaxError) -> JSONValue {
    try parse(Array(text.utf8))
  }

  /// Parses a whole document from UTF-8 bytes (a leading byte-order mark is skipped).
  public static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSONValue {
    var parser = JSONParser(bytes)
    parser.skipWhitespace()
    guard parser.index < bytes.count else { throw parser.error("the file is empty; expected a JSON object") }
    let value = try parser.parseValue(depth: 0)
    parser.skipWhitespace()
    guard parser.index == bytes.count else { throw parser.error("unexpected text after the end of the JSON value") }
    return value
  }

  private func error(_ message: String, at offset: Int? = nil) -> SyntaxError {
    let end = min(offset ?? index, bytes.count)
    var line = 1
    var lineStart = 0
    for i in 0..<end where bytes[i] == UInt8(ascii: "\n") {
      line += 1
      lineStart = i + 1
    }
    let column = String(decoding: bytes[lineStart..<end], as: UTF8.self).count + 1
    var pathText = ""
    for step in path {
      switch step {
      case .key(let key): pathText += (pathText.isEmpty ? "" : ".") + key
      case .index(let i): pathText += "[\(i)]"
      }
    }
    return SyntaxError(line: line, column: column, message: message, path: pathText)
  }

  private mutating func skipWhitespace() {
    while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
  }

  private func describeHere() -> String {
    guard index < bytes.count else { return "the end of the file" }
    let byte = bytes[index]
    if byte < 0x20 || byte == 0x7F { return "the control byte 0x\(String(byte, radix: 16, uppercase: true))" }
    if byte < 0x80 { return "'\(Character(Unicode.Scalar(byte)))'" }
    guard let (character, _) = utf8Character(at: index) else {
      return "the byte 0x\(String(byte, radix: 16, uppercase: true)), which is not UTF-8 (save the file as UTF-8)"
    }
    return "'\(character)'"
  }

  /// The character encoded at `offset` and its length in bytes, or `nil` when the bytes there are not UTF-8.
  private func utf8Character(at offset: Int) -> (Character, Int)? {
    let lead = bytes[offset]
    let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    guard offset + length <= bytes.count else { return nil }
    let slice = bytes[offset..<offset + length]
    guard let text = String(validating: slice, as: UTF8.self), let character = text.first else { return nil }
    return (character, length)
  }

  /// The error for a value that cannot start here, naming the usual mistakes.
  private func unexpectedValue() -> SyntaxError {
    guard index < bytes.count else { return error("unexpected end of file; a value is missing") }
    switch bytes[index] {
    case UInt8(ascii: "'"):
      return error("found a single quote; JSON needs double quotes (\") around strings and keys")
    case UInt8(ascii: "/"), UInt8(ascii: "#"):
      return error("found a comment; JSON has no comments")
    case UInt8(ascii: "N"), UInt8(ascii: "I"):
      return error("found \(describeHere()); JSON has no NaN or Infinity, only finite numbers")
    default:
      return error("unexpected \(describeHere()); expected a value (object, array, string, number, true, false or null)")
    }
  }

  private mutating func parseValue(depth: Int) throws(SyntaxError) -> JSONValue {
    guard depth < 512 else { throw error("JSON nested too deeply") }
    skipWhitespace()
    guard index < bytes.count else { throw error("unexpected end of file; a value is missing") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try parseObject(depth: depth)
    case UInt8(ascii: "["): return try parseArray(depth: depth)
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
    case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
    case UInt8(ascii: "n"): try expectWord("null"); return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
    default: throw unexpectedValue()
    }
  }

  private mutating func expectWord(_ word: String) throws(SyntaxError) {
    let w = Array(word.utf8)
    guard bytes.count - index >= w.count, Array(bytes[index..<index + w.count]) == w else {
      throw error("unexpected \(describeHere()); expected a value")
    }
    index += w.count
  }

  private mutating func parseObject(depth: Int) throws(SyntaxError) -> JSONValue {
    index += 1
    var members: [String: JSONValue] = [:]
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        if index < bytes.count, bytes[index] == UInt8(ascii: "'") {
          throw error("found a single quote; JSON needs double quotes (\") around keys and strings")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "/") || bytes[index] == UInt8(ascii: "#") { throw error("found a comment; JSON has no comments") }
        let trailing = index < bytes.count && (bytes[index] == UInt8(ascii: ",") || bytes[index] == UInt8(ascii: "}"))
        throw error("expected a quoted key but found \(describeHere())\(trailing ? " (trailing commas are not allowed)" : "")")
      }
      let keyStart = index
      let key = try parseString()
      guard members[key] == nil else { throw error("the key \"\(key)\" appears twice in one object", at: keyStart) }
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
        throw error("expected ':' after the key \"\(key)\" but found \(describeHere())")
      }
      index += 1
      path.append(.key(key))
      members[key] = try parseValue(depth: depth + 1)
      path.removeLast()
      skipWhitespace()
      guard index < bytes.count else { throw error("unexpected end of file; an object is not closed with '}'") }
      if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
      if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
      throw error("expected ',' or '}' but found \(describeHere())")
    }
  }

  private mutating func parseArray(depth: Int) throws(SyntaxError) -> JSONValue {
    index += 1
    var items: [JSONValue] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
    while true {
      skipWhitespace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
        throw error("unexpected ']' after ','; trailing commas are not allowed")
      }
      path.append(.index(items.count))
      items.append(try parseValue(depth: depth + 1))
      path.removeLast()
      skipWhitespace()
      guard index < bytes.count else { throw error("unexpected end of file; an array is not closed with ']'") }
      if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
      if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
      throw error("expected ',' or ']' but found \(describeHere())")
    }
  }

  private mutating func parseString() throws(SyntaxError) -> String {
    let start = index
    index += 1
    var scalars = String.UnicodeScalarView()
    var runStart = index
    var ascii = true
    func flush(_ end: Int) throws(SyntaxError) {
      guard runStart < end else { return }
      if ascii {
        scalars.append(contentsOf: String(decoding: bytes[runStart..<end], as: UTF8.self).unicodeScalars)
        return
      }
      var offset = runStart
      while offset < end {
        guard bytes[offset] >= 0x80 else {
          scalars.append(Unicode.Scalar(bytes[offset]))
          offset += 1
          continue
        }
        guard let (character, length) = utf8Character(at: offset), offset + length <= end else {
          throw error(
            "the byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) in a string is not UTF-8; the file must be saved as UTF-8", at: offset)
        }
        scalars.append(contentsOf: character.unicodeScalars)
        offset += length
      }
    }
    while index < bytes.count {
      let b = bytes[index]
      if b >= 0x80 { ascii = false }
      if b == UInt8(ascii: "\"") {
        try flush(index)
        index += 1
        return String(scalars)
      }
      if b < 0x20 { throw error("a control character (line break or tab) inside a string; escape it as \\n or \\t") }
      if b == UInt8(ascii: "\\") {
        try flush(index)
        index += 1
        guard index < bytes.count else { break }
        let e = bytes[index]
        index += 1
        switch e {
        case UInt8(ascii: "\""): scalars.append("\"")
        case UInt8(ascii: "\\"): scalars.append("\\")
        case UInt8(ascii: "/"): scalars.append("/")
        case UInt8(ascii: "b"): scalars.append("\u{08}")
        case UInt8(ascii: "f"): scalars.append("\u{0C}")
        case UInt8(ascii: "n"): scalars.append("\n")
        case UInt8(ascii: "r"): scalars.append("\r")
        case UInt8(ascii: "t"): scalars.append("\t")
        case UInt8(ascii: "u"):
          var code = try parseHex4()
          if (0xD800..<0xDC00).contains(code), bytes.count - index >= 6, bytes[index] == UInt8(ascii: "\\"),
            bytes[index + 1] == UInt8(ascii: "u")
          {
            index += 2
            let low = try parseHex4()
            guard (0xDC00..<0xE000).contains(low) else { throw error("a \\u escape of a high surrogate must be followed by a low surrogate (\\uDC00 to \\uDFFF)") }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          }
          guard let scalar = Unicode.Scalar(code) else { throw error("invalid \\u escape") }
          scalars.append(scalar)
        default: throw error("invalid escape '\\\(Unicode.Scalar(e))' in a string")
        }
        runStart = index
        continue
      }
      index += 1
    }
    throw error("a string is not closed with '\"'", at: start)
  }

  private mutating func parseHex4() throws(SyntaxError) -> UInt32 {
    guard bytes.count - index >= 4 else { throw error("a \\u escape needs four hex digits") }
    var code: UInt32 = 0
    for _ in 0..<4 {
      guard let digit = UInt32(String(Unicode.Scalar(bytes[index])), radix: 16) else {
        throw error("a \\u escape needs four hex digits")
      }
      code = code * 16 + digit
      index += 1
    }
    return code
  }

  private mutating func parseNumber() throws(SyntaxError) -> JSONValue {
    let start = index
    var isInteger = true
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    func digits() -> Int {
      let s = index
      while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
      return index - s
    }
    let intDigits = digits()
    guard intDigits > 0 else {
      if index < bytes.count, bytes[index] == UInt8(ascii: "I") { throw error("found -Infinity; JSON has no NaN or Infinity, only finite numbers") }
      throw error("a number needs digits after '-'")
    }
    if intDigits > 1, bytes[index - intDigits] == UInt8(ascii: "0") { throw error("numbers may not have leading zeros", at: start) }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      isInteger = false
      index += 1
      guard digits() > 0 else { throw error("a number needs digits after '.'") }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      isInteger = false
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
      guard digits() > 0 else { throw error("a number needs digits in its exponent") }
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    if isInteger, let i = Int(text) { return .int(i) }
    guard let d = Double(text), d.isFinite else {
      throw error("the number \(text) is beyond the largest a double can hold (±1.8e308)", at: start)
    }
    return .double(d)
  }
}
