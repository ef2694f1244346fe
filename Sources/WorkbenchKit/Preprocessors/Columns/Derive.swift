/// Adds numeric columns computed from arithmetic expressions over existing ones.
///
/// `columns` maps each new name to an expression (``DeriveExpression``):
/// `{"total_spend": "wines + meat + fish", "age": "2026 - year_birth"}`.
/// The default, an empty object, adds nothing. Expressions read the step's input columns only (not each other); new
/// columns are appended in name order, and a name that already exists is
/// replaced in place. Expressions are parsed when the spec is read, so a
/// syntax error points at its character before any data is loaded.
///
/// Missing inputs give missing outputs; log of x ≤ 0, sqrt of x < 0 and
/// division by zero give missing outputs too, counted per column in the
/// summary (`invalid_cells`) so an `impute` step can follow.
///
/// Edge cases: an unknown column is a ``DataError`` naming the expression and
/// the nearest column names; a categorical column in an expression is a ``DataError``.
/// - Complexity: O(rows · expression size) per derived column.
public struct Derive: Preprocessor {
  public static let name = "derive"
  public static let summary = "Add numeric columns computed from expressions over existing ones (+ - * / log sqrt exp abs min max)."
  public static let parameters: [ParameterSpec] = [
    ParameterSpec(
      "columns", .textMap, default: .object([:]),
      "New column name → expression, e.g. {\"total\": \"wines + meat\"}; columns in backquotes may contain spaces.")
  ]

  /// The derived columns in name order, with their source text and parsed form.
  let definitions: [(name: String, text: String, expression: DeriveExpression)]

  public init(validated: Parameters) throws {
    let given = validated.value("columns").object ?? [:]
    var definitions: [(String, String, DeriveExpression)] = []
    for name in given.keys.sorted() {
      let text = given[name]?.string ?? ""
      do {
        definitions.append((name, text, try DeriveExpression.parse(text)))
      } catch {
        throw ParameterError(
          parameter: "columns", message: "derive '\(name)': \(error.message) at character \(error.position) of \"\(text)\".",
          fix: "use numbers, column names (`in backquotes` if they contain spaces), + - * / ( ) and log, sqrt, exp, abs, min, max.")
      }
    }
    self.definitions = definitions
  }

  public static func restore(state: JSONValue) throws -> any FittedPreprocessor {
    let saved = try SavedState(state, owner: "derive step")
    let names = try saved.texts("columns"), texts = try saved.texts("expressions")
    let invalid = try saved.reals("invalid_cells")
    guard texts.count == names.count, invalid.count == names.count else {
      throw SavedStateError(owner: "derive step", detail: "'expressions' does not match 'columns'")
    }
    var expressions: [DeriveExpression] = []
    for text in texts {
      guard let e = try? DeriveExpression.parse(text) else { throw SavedStateError(owner: "derive step", detail: "an expression does not parse") }
      expressions.append(e)
    }
    return FittedDerive(columnNames: names, texts: texts, expressions: expressions, invalidCells: invalid.map { Int($0) })
  }

  /// The derived columns added (or replacing a column of the same name); a column an expression reads that does not
  /// reach this step, or is categorical, is a problem at `columns`.
  public func shape(after input: FeatureShape) throws(FeatureShape.Problem) -> FeatureShape {
    for definition in definitions {
      for column in definition.expression.columnNames {
        if let problem = input.numericColumnProblem(column, parameter: "columns", step: "derive '\(definition.name)'") { throw problem }
      }
    }
    return input.adding(definitions.map { FeatureShape.ShapeColumn(name: $0.name, isNumeric: true) })
  }

  /// Checks the referenced columns and counts invalid results on `table`.
  public func fit(_ table: DataTable, context: FitContext) throws -> any FittedPreprocessor {
    let probe = FittedDerive(
      columnNames: definitions.map(\.name), texts: definitions.map(\.text), expressions: definitions.map(\.expression),
      invalidCells: [])
    let invalid = try probe.evaluate(table).invalidCounts
    return FittedDerive(columnNames: probe.columnNames, texts: probe.texts, expressions: probe.expressions, invalidCells: invalid)
  }
}

