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

  /// Why a cell has no value although its inputs are present; the message names the cause.
  enum Gap: String, Equatable, Sendable {
    case overflow = "an overflow (a result beyond ±1.8e308)"
    case logOfNonPositive = "the log of a number ≤ 0"
    case sqrtOfNegative = "the square root of a negative number"
    case divisionByZero = "a division by zero"
  }

  /// `value`, or a missing value with the gap `.overflow` when it overflowed to ±∞.
  private static func finite(_ value: Double, gap: inout Gap?) -> Double {
    guard value.isInfinite else { return value }
    return Self.missing(.overflow, gap: &gap)
  }

  /// A missing value, recording `cause` unless an earlier operation of the row already gave one.
  private static func missing(_ cause: Gap, gap: inout Gap?) -> Double {
    if gap == nil { gap = cause }
    return .nan
  }

  /// The value for one row; `cell(name)` reads the row's cell of a column.
  ///
  /// `gap` is set to the first operation that had no value on present
  /// inputs (log of x ≤ 0, sqrt of x < 0, x / 0, an overflow); a missing
  /// input gives a missing value without a gap.
  func evaluate(_ cell: (String) -> Double, gap: inout Gap?) -> Double {
    switch self {
    case .number(let v): return v
    case .column(let name): return cell(name)
    case .negate(let a): return -a.evaluate(cell, gap: &gap)
    case .binary(let op, let a, let b):
      let x = a.evaluate(cell, gap: &gap), y = b.evaluate(cell, gap: &gap)
      if x.isNaN || y.isNaN { return .nan }
      switch op {
      case "+": return Self.finite(x + y, gap: &gap)
      case "-": return Self.finite(x - y, gap: &gap)
      case "*": return Self.finite(x * y, gap: &gap)
      default:
        if y == 0 { return Self.missing(.divisionByZero, gap: &gap) }
        return Self.finite(x / y, gap: &gap)
      }
    case .call(let name, let args):
      let values = args.map { $0.evaluate(cell, gap: &gap) }
      if values.contains(where: \.isNaN) { return .nan }
      let x = values[0]
      switch name {
      case "abs": return abs(x)
      case "exp": return Self.finite(Foundation.exp(x), gap: &gap)
      case "log": return x <= 0 ? Self.missing(.logOfNonPositive, gap: &gap) : Foundation.log(x)
      case "sqrt": return x < 0 ? Self.missing(.sqrtOfNegative, gap: &gap) : x.squareRoot()
      case "min": return values.min() ?? .nan
      default: return values.max() ?? .nan
      }
    }
  }
}
