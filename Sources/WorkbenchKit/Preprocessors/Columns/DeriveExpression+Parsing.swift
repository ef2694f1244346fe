extension DeriveExpression {
  /// A syntax error, located at a 1-based character position of the expression.
  struct SyntaxError: Error, Equatable {
    /// What was found ("unexpected ')'", "unknown function 'lg'").
    var message: String
    /// 1-based character position.
    var position: Int
  }

  /// How deep parentheses, function calls and signs may nest.
  static let maximumNesting = 64
  /// How many numbers, columns and function calls an expression may hold.
  static let maximumTerms = 1_000

  /// Parses `text` by recursive descent, or throws the first syntax error with its position.
  ///
  /// Nesting deeper than ``maximumNesting`` and more than ``maximumTerms``
  /// terms are syntax errors: parsing, evaluating and freeing an expression
  /// recurse once per level, so an unbounded one (16,000 opening
  /// parentheses, found by fuzzing) would overflow the stack.
  /// - Complexity: O(length of `text`).
  static func parse(_ text: String) throws(SyntaxError) -> DeriveExpression {
    var parser = Parser(characters: Array(text))
    let expression = try parser.expression()
    parser.skipSpaces()
    if parser.index < parser.characters.count { throw parser.unexpected() }
    return expression
  }

  private struct Parser {
    let characters: [Character]
    var index = 0
    /// Signs, parentheses and calls open around the current position.
    var depth = 0
    /// Numbers, columns and calls read so far.
    var terms = 0

    mutating func skipSpaces() {
      while index < characters.count, characters[index].isWhitespace { index += 1 }
    }

    func unexpected() -> SyntaxError {
      index < characters.count
        ? SyntaxError(message: "unexpected '\(characters[index])'", position: index + 1)
        : SyntaxError(message: "unexpected end of expression", position: characters.count + 1)
    }

    mutating func take(_ c: Character) -> Bool {
      skipSpaces()
      guard index < characters.count, characters[index] == c else { return false }
      index += 1
      return true
    }

    mutating func expression() throws(SyntaxError) -> DeriveExpression {
      var left = try term()
      while true {
        if take("+") { left = .binary("+", left, try term()) } else if take("-") { left = .binary("-", left, try term()) } else { return left }
      }
    }

    mutating func term() throws(SyntaxError) -> DeriveExpression {
      var left = try unary()
      while true {
        if take("*") { left = .binary("*", left, try unary()) } else if take("/") { left = .binary("/", left, try unary()) } else { return left }
      }
    }

    mutating func unary() throws(SyntaxError) -> DeriveExpression {
      depth += 1
      defer { depth -= 1 }
      guard depth <= DeriveExpression.maximumNesting else {
        throw SyntaxError(
          message: "parentheses, functions and signs nest more than \(DeriveExpression.maximumNesting) levels deep", position: index + 1)
      }
      if take("-") { return .negate(try unary()) }
      return try primary()
    }

    mutating func primary() throws(SyntaxError) -> DeriveExpression {
      skipSpaces()
      guard index < characters.count else { throw unexpected() }
      terms += 1
      guard terms <= DeriveExpression.maximumTerms else {
        throw SyntaxError(message: "more than \(DeriveExpression.maximumTerms) numbers, columns and calls", position: index + 1)
      }
      let c = characters[index]
      if c == "(" {
        index += 1
        let inner = try expression()
        guard take(")") else { throw unexpected() }
        return inner
      }
      if c == "`" {
        let start = index
        index += 1
        var name = ""
        while index < characters.count, characters[index] != "`" {
          name.append(characters[index])
          index += 1
        }
        guard index < characters.count else { throw SyntaxError(message: "unclosed '`'", position: start + 1) }
        index += 1
        guard !name.isEmpty else { throw SyntaxError(message: "empty column name '``'", position: start + 1) }
        return .column(name)
      }
      if c.isNumber || c == "." { return try number() }
      if c.isLetter || c == "_" {
        let start = index
        var name = ""
        while index < characters.count, characters[index].isLetter || characters[index].isNumber || characters[index] == "_" || characters[index] == "." {
          name.append(characters[index])
          index += 1
        }
        guard take("(") else { return .column(name) }
        return try call(name, at: start)
      }
      throw unexpected()
    }

    mutating func number() throws(SyntaxError) -> DeriveExpression {
      let start = index
      var text = ""
      while index < characters.count, characters[index].isNumber || characters[index] == "." {
        text.append(characters[index])
        index += 1
      }
      if index < characters.count, characters[index] == "e" || characters[index] == "E" {
        text.append("e")
        index += 1
        if index < characters.count, characters[index] == "+" || characters[index] == "-" {
          text.append(characters[index])
          index += 1
        }
        while index < characters.count, characters[index].isNumber {
          text.append(characters[index])
          index += 1
        }
      }
      guard let value = Double(text), value.isFinite else { throw SyntaxError(message: "malformed number '\(text)'", position: start + 1) }
      return .number(value)
    }

    mutating func call(_ name: String, at start: Int) throws(SyntaxError) -> DeriveExpression {
      let known = DeriveExpression.unaryFunctions + DeriveExpression.variadicFunctions
      guard known.contains(name) else {
        let near = NameSuggestions.hint(for: name, in: known)
        let hint = near.isEmpty ? "; functions are \(known.joined(separator: ", "))" : " (\(near.dropFirst().lowercasedFirst))"
        throw SyntaxError(message: "unknown function '\(name)'\(hint)", position: start + 1)
      }
      var args = [try expression()]
      while take(",") { args.append(try expression()) }
      guard take(")") else { throw unexpected() }
      if DeriveExpression.unaryFunctions.contains(name), args.count != 1 {
        throw SyntaxError(message: "\(name) takes one argument, got \(args.count)", position: start + 1)
      }
      if DeriveExpression.variadicFunctions.contains(name), args.count < 2 {
        throw SyntaxError(message: "\(name) takes two or more arguments, got \(args.count)", position: start + 1)
      }
      return .call(name, args)
    }
  }
}
