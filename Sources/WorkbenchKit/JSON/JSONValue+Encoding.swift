extension JSONValue {
  /// Canonical JSON text: sorted keys, no whitespace, shortest round-trip numbers.
  ///
  /// Used for config hashes and byte-stable records: two equal values always
  /// give the same bytes. Non-finite reals are written as `null`.
  public var canonicalText: String {
    var out = ""
    write(to: &out, indent: nil, depth: 0)
    return out
  }

  /// Human-readable JSON: sorted keys, two-space indentation, trailing newline.
  public var prettyText: String {
    var out = ""
    write(to: &out, indent: "  ", depth: 0)
    return out + "\n"
  }

  private func write(to out: inout String, indent: String?, depth: Int) {
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i): out += String(i)
    case .double(let d): out += d.isFinite ? JSONNumber.format(d) : "null"
    case .string(let s): JSONValue.writeString(s, to: &out)
    case .array(let items):
      writeContainer(open: "[", close: "]", count: items.count, to: &out, indent: indent, depth: depth) { i, out in
        items[i].write(to: &out, indent: indent, depth: depth + 1)
      }
    case .object(let members):
      let keys = members.keys.sorted()
      writeContainer(open: "{", close: "}", count: keys.count, to: &out, indent: indent, depth: depth) { i, out in
        JSONValue.writeString(keys[i], to: &out)
        out += indent == nil ? ":" : ": "
        members[keys[i]]!.write(to: &out, indent: indent, depth: depth + 1)
      }
    }
  }

  private func writeContainer(
    open: String, close: String, count: Int, to out: inout String, indent: String?, depth: Int,
    element: (Int, inout String) -> Void
  ) {
    out += open
    guard count > 0 else { return out += close }
    for i in 0..<count {
      if i > 0 { out += "," }
      if let indent { out += "\n" + String(repeating: indent, count: depth + 1) }
      element(i, &out)
    }
    if let indent { out += "\n" + String(repeating: indent, count: depth) }
    out += close
  }

  private static func writeString(_ s: String, to out: inout String) {
    out += "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    out += "\""
  }
}
