import Foundation

/// An arithmetic expression over numeric columns, as written in a `derive` step ("wines + meat", "log(income)").
///
/// Grammar (usual precedence, left-associative):
/// `expr = term (("+" | "-") term)*`, `term = unary (("*" | "/") unary)*`,
/// `unary = "-" unary | primary`, `primary = number | column | function "(" expr ("," expr)* ")" | "(" expr ")"`.
/// A column is an identifier (`[A-Za-z_][A-Za-z0-9_.]*`) or any name in backquotes (`` `unit price` ``);
/// functions are `log` (natural), `sqrt`, `abs`, `exp` (one argument) and `min`, `max` (two or more).
///
/// Evaluation is IEEE arithmetic on one row, except: a missing input (NaN)
/// gives a missing result, and log of x ≤ 0, sqrt of x < 0, division by
/// zero and an overflow (a result beyond ±1.8e308, such as `exp(1000)`)
/// give a missing result that is counted as invalid, so no derived cell is
/// ever infinite.
indirect enum DeriveExpression: Equatable, Sendable {
  case number(Double)
  case column(String)
  case negate(DeriveExpression)
  case binary(Character, DeriveExpression, DeriveExpression)
  case call(String, [DeriveExpression])

  /// The one-argument and variadic functions, by name.
  static let unaryFunctions = ["abs", "exp", "log", "sqrt"]
  static let variadicFunctions = ["max", "min"]

  /// The columns the expression reads, in first-use order, without repeats.
  var columnNames: [String] {
    var names: [String] = []
    func visit(_ e: DeriveExpression) {
      switch e {
      case .number: break
      case .column(let name): if !names.contains(name) { names.append(name) }
      case .negate(let a): visit(a)
      case .binary(_, let a, let b):
        visit(a)
        visit(b)
      case .call(_, let args): args.forEach(visit)
      }
    }
    visit(self)
    return names
  }

  /// `value`, or a missing value flagged invalid when it overflowed to ±∞.
  private static func finite(_ value: Double, invalid: inout Bool) -> Double {
    guard value.isInfinite else { return value }
    invalid = true
    return .nan
  }

  /// The value for one row; `cell(name)` reads the row's cell of a column.
  ///
  /// `invalid` is set when an operation had no value (log of x ≤ 0, sqrt of x < 0, x / 0) on present inputs.
  func evaluate(_ cell: (String) -> Double, invalid: inout Bool) -> Double {
    switch self {
    case .number(let v): return v
    case .column(let name): return cell(name)
    case .negate(let a): return -a.evaluate(cell, invalid: &invalid)
    case .binary(let op, let a, let b):
      let x = a.evaluate(cell, invalid: &invalid), y = b.evaluate(cell, invalid: &invalid)
      if x.isNaN || y.isNaN { return .nan }
      switch op {
      case "+": return Self.finite(x + y, invalid: &invalid)
      case "-": return Self.finite(x - y, invalid: &invalid)
      case "*": return Self.finite(x * y, invalid: &invalid)
      default:
        if y == 0 {
          invalid = true
          return .nan
        }
        return Self.finite(x / y, invalid: &invalid)
      }
    case .call(let name, let args):
      let values = args.map { $0.evaluate(cell, invalid: &invalid) }
      if values.contains(where: \.isNaN) { return .nan }
      let x = values[0]
      switch name {
      case "abs": return abs(x)
      case "exp": return Self.finite(Foundation.exp(x), invalid: &invalid)
      case "log":
        if x <= 0 {
          invalid = true
          return .nan
        }
        return Foundation.log(x)
      case "sqrt":
        if x < 0 {
          invalid = true
          return .nan
        }
        return x.squareRoot()
      case "min": return values.min() ?? .nan
      default: return values.max() ?? .nan
      }
    }
  }
}
