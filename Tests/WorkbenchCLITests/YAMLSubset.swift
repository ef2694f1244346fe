import WorkbenchKit

/// A reader for the subset of YAML the scale-out recipes use, into ``JSONValue``s — enough to prove they parse and to read them.
///
/// Block mappings and sequences by indentation (spaces only), `- key: value`
/// items, `---` between documents, `#` comments, plain, single- and
/// double-quoted scalars (`true`/`false`/`null`/integers typed as YAML 1.2's
/// core schema does), flow collections (`[a, b]`, `{k: v}`), and `|`/`>`
/// block scalars. Anything else — tabs in indentation, anchors, tags,
/// a line at an unexpected indentation — is an error naming its line, so a
/// recipe cannot silently use a construct this reader misreads.
struct YAMLSubset {
  struct Failure: Error, CustomStringConvertible {
    var line: Int
    var message: String
    var description: String { "line \(line): \(message)" }
  }

  private struct Line {
    /// Position in the document's raw lines.
    var index: Int
    /// 1-based line in the file.
    var number: Int
    var indent: Int
    var text: String
  }

  private var lines: [Line] = []
  private var position = 0
  private let raw: [Substring]

  /// Every document of `text`.
  static func documents(_ text: String) throws -> [JSONValue] {
    var documents: [[Substring]] = [[]]
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.trimmingCharacters(in: .whitespaces) == "---" { documents.append([]) } else { documents[documents.count - 1].append(line) }
    }
    var offset = 0
    var out: [JSONValue] = []
    for lines in documents {
      var reader = try YAMLSubset(lines, firstLine: offset + 1)
      offset += lines.count + 1
      guard !reader.lines.isEmpty else { continue }
      out.append(try reader.block(indent: reader.lines[0].indent))
      if reader.position < reader.lines.count { throw Failure(line: reader.lines[reader.position].number, message: "unexpected indentation") }
    }
    return out
  }

  private init(_ raw: [Substring], firstLine: Int) throws {
    self.raw = raw
    for (i, text) in raw.enumerated() {
      let number = firstLine + i
      let content = Self.withoutComment(String(text))
      guard !content.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
      let indent = content.prefix { $0 == " " }.count
      if content.dropFirst(indent).first == "\t" { throw Failure(line: number, message: "a tab in the indentation") }
      lines.append(Line(index: i, number: number, indent: indent, text: String(content.dropFirst(indent)).trimmingCharacters(in: .whitespaces)))
    }
  }

  /// A mapping or sequence whose entries start at `indent`.
  private mutating func block(indent: Int) throws -> JSONValue {
    let first = lines[position]
    guard first.indent == indent else { throw Failure(line: first.number, message: "unexpected indentation") }
    return first.text == "-" || first.text.hasPrefix("- ") ? try sequence(indent: indent) : try mapping(indent: indent)
  }

  private mutating func sequence(indent: Int) throws -> JSONValue {
    var items: [JSONValue] = []
    while position < lines.count, lines[position].indent == indent, lines[position].text == "-" || lines[position].text.hasPrefix("- ") {
      let line = lines[position]
      let rest = String(line.text.dropFirst(1)).trimmingCharacters(in: .whitespaces)
      if rest.isEmpty {
        position += 1
        items.append(try nested(after: line, deeperThan: indent))
      } else if Self.keyValue(rest) != nil {
        // "- key: value" opens a mapping whose other keys are indented like `key`.
        let column = indent + line.text.count - rest.count
        lines[position] = Line(index: line.index, number: line.number, indent: column, text: rest)
        items.append(try mapping(indent: column))
      } else {
        position += 1
        items.append(try scalar(rest, line: line))
      }
    }
    return .array(items)
  }

  private mutating func mapping(indent: Int) throws -> JSONValue {
    var members: [String: JSONValue] = [:]
    while position < lines.count, lines[position].indent == indent {
      let line = lines[position]
      guard let (key, value) = Self.keyValue(line.text) else { throw Failure(line: line.number, message: "expected 'key: value'") }
      guard members[key] == nil else { throw Failure(line: line.number, message: "the key '\(key)' appears twice") }
      position += 1
      if value.isEmpty {
        members[key] = try nested(after: line, deeperThan: indent, allowSameIndentSequence: true)
      } else if value == "|" || value == ">" || value == "|-" || value == ">-" {
        members[key] = .string(blockScalar(after: line, folded: value.hasPrefix(">"), keepNewline: !value.hasSuffix("-"), deeperThan: indent))
      } else {
        members[key] = try scalar(value, line: line)
      }
    }
    return .object(members)
  }

  /// The block under `line`: deeper lines, or (for a mapping key) a sequence at the same indentation; null when none.
  private mutating func nested(after line: Line, deeperThan indent: Int, allowSameIndentSequence: Bool = false) throws -> JSONValue {
    guard position < lines.count else { return .null }
    let next = lines[position]
    if next.indent > indent { return try block(indent: next.indent) }
    if allowSameIndentSequence, next.indent == indent, next.text == "-" || next.text.hasPrefix("- ") { return try sequence(indent: indent) }
    return .null
  }

  /// The text of a `|` or `>` block scalar: the raw lines deeper than `indent` after `line`, comments kept.
  private mutating func blockScalar(after line: Line, folded: Bool, keepNewline: Bool, deeperThan indent: Int) -> String {
    var body: [String] = []
    var index = line.index + 1
    var blockIndent: Int?
    while index < raw.count {
      let text = String(raw[index])
      let spaces = text.prefix { $0 == " " }.count
      if text.trimmingCharacters(in: .whitespaces).isEmpty {
        body.append("")
      } else if spaces > indent {
        blockIndent = blockIndent ?? spaces
        body.append(String(text.dropFirst(min(spaces, blockIndent!))))
      } else {
        break
      }
      index += 1
    }
    while body.last == "" { body.removeLast() }
    while position < lines.count, lines[position].index < index { position += 1 }
    return body.joined(separator: folded ? " " : "\n") + (keepNewline ? "\n" : "")
  }

  /// `key: value` split at the first ": " (or a trailing ":") outside quotes and brackets.
  private static func keyValue(_ text: String) -> (String, String)? {
    var quote: Character?
    var depth = 0
    for (offset, character) in text.enumerated() {
      if let q = quote {
        if character == q { quote = nil }
      } else if character == "\"" || character == "'" {
        quote = character
      } else if character == "[" || character == "{" {
        depth += 1
      } else if character == "]" || character == "}" {
        depth -= 1
      } else if character == ":", depth == 0, offset > 0 {
        let after = text.index(text.startIndex, offsetBy: offset + 1)
        guard after == text.endIndex || text[after] == " " else { continue }
        let key = unquoted(String(text.prefix(offset)).trimmingCharacters(in: .whitespaces))
        return key.isEmpty ? nil : (key, String(text[after...]).trimmingCharacters(in: .whitespaces))
      }
    }
    return nil
  }

  private func scalar(_ text: String, line: Line) throws -> JSONValue {
    if text.hasPrefix("&") || text.hasPrefix("*") || text.hasPrefix("!") { throw Failure(line: line.number, message: "anchors, aliases and tags are not used in recipes") }
    var flow = FlowReader(text: Array(text), line: line.number)
    let value = try flow.value()
    guard flow.atEnd else { throw Failure(line: line.number, message: "unexpected text after a value") }
    return value
  }

  /// `text` without a `#` comment (one starting the line or after a space, outside quotes).
  private static func withoutComment(_ text: String) -> String {
    var quote: Character?
    var previous: Character = " "
    for (offset, character) in text.enumerated() {
      if let q = quote {
        if character == q { quote = nil }
      } else if character == "\"" || character == "'" {
        quote = character
      } else if character == "#", previous == " " {
        return String(text.prefix(offset))
      }
      previous = character
    }
    return text
  }

  fileprivate static func unquoted(_ text: String) -> String {
    if text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first { return String(text.dropFirst().dropLast()) }
    return text
  }

  /// Reads one value in flow style: a scalar, `[…]` or `{…}`.
  private struct FlowReader {
    var text: [Character]
    var line: Int
    var i = 0

    var atEnd: Bool {
      mutating get {
        skipSpaces()
        return i == text.count
      }
    }

    mutating func skipSpaces() { while i < text.count, text[i] == " " { i += 1 } }

    mutating func value(inFlow: Bool = false) throws -> JSONValue {
      skipSpaces()
      guard i < text.count else { return .null }
      switch text[i] {
      case "[":
        i += 1
        var items: [JSONValue] = []
        while true {
          skipSpaces()
          if i < text.count, text[i] == "]" { i += 1; return .array(items) }
          items.append(try value(inFlow: true))
          skipSpaces()
          guard i < text.count else { throw Failure(line: line, message: "an unclosed '['") }
          if text[i] == "," { i += 1 } else if text[i] != "]" { throw Failure(line: line, message: "expected ',' or ']'") }
        }
      case "{":
        i += 1
        var members: [String: JSONValue] = [:]
        while true {
          skipSpaces()
          if i < text.count, text[i] == "}" { i += 1; return .object(members) }
          guard case .string(let key) = try value(inFlow: true) else { throw Failure(line: line, message: "a flow mapping key must be text") }
          skipSpaces()
          guard i < text.count, text[i] == ":" else { throw Failure(line: line, message: "expected ':' in a flow mapping") }
          i += 1
          members[key] = try value(inFlow: true)
          skipSpaces()
          guard i < text.count else { throw Failure(line: line, message: "an unclosed '{'") }
          if text[i] == "," { i += 1 } else if text[i] != "}" { throw Failure(line: line, message: "expected ',' or '}'") }
        }
      case "\"", "'":
        let quote = text[i]
        i += 1
        var out = ""
        while i < text.count, text[i] != quote {
          if quote == "\"", text[i] == "\\", i + 1 < text.count {
            i += 1
            out.append(text[i] == "n" ? "\n" : text[i])
          } else {
            out.append(text[i])
          }
          i += 1
        }
        guard i < text.count else { throw Failure(line: line, message: "an unclosed quote") }
        i += 1
        return .string(out)
      default:
        let start = i
        while i < text.count, !(inFlow && ",]}".contains(text[i])), !(inFlow && text[i] == ":" && (i + 1 == text.count || text[i + 1] == " ")) { i += 1 }
        let plain = String(text[start..<i]).trimmingCharacters(in: .whitespaces)
        switch plain {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null", "~", "": return .null
        default: return Int(plain).map(JSONValue.int) ?? .string(plain)
        }
      }
    }
  }
}
