/// One named column of a ``DataTable``: numeric (missing = NaN) or categorical (missing = nil).
public struct Column: Sendable, Equatable {
  /// The column's values, typed.
  public enum Values: Sendable, Equatable {
    /// Numbers; a missing cell is `.nan`.
    case numeric([Double])
    /// Category labels; a missing cell is `nil`.
    case categorical([String?])
  }

  /// Header name.
  public var name: String
  /// The cells.
  public var values: Values

  /// A column called `name` holding `values`.
  public init(name: String, values: Values) {
    self.name = name
    self.values = values
  }

  /// A numeric column.
  public static func numeric(_ name: String, _ values: [Double]) -> Column {
    Column(name: name, values: .numeric(values))
  }

  /// A categorical column.
  public static func categorical(_ name: String, _ values: [String?]) -> Column {
    Column(name: name, values: .categorical(values))
  }

  /// Number of cells.
  public var count: Int {
    switch values {
    case .numeric(let v): v.count
    case .categorical(let v): v.count
    }
  }

  /// The numbers, or `nil` for a categorical column.
  public var numbers: [Double]? {
    if case .numeric(let v) = values { v } else { nil }
  }

  /// The labels, or `nil` for a numeric column.
  public var labels: [String?]? {
    if case .categorical(let v) = values { v } else { nil }
  }

  /// Whether the column holds numbers.
  public var isNumeric: Bool { numbers != nil }

  /// Number of missing cells.
  public var missingCount: Int {
    switch values {
    case .numeric(let v): v.reduce(0) { $0 + ($1.isNaN ? 1 : 0) }
    case .categorical(let v): v.reduce(0) { $0 + ($1 == nil ? 1 : 0) }
    }
  }

  /// The cell at `row` as text, as it would be written back to CSV ("" when missing).
  public func text(at row: Int) -> String {
    switch values {
    case .numeric(let v): v[row].isNaN ? "" : JSONNumber.plain(v[row])
    case .categorical(let v): v[row] ?? ""
    }
  }

  /// The cells at `indices`, in that order.
  public func selecting(rows indices: [Int]) -> Column {
    switch values {
    case .numeric(let v): .numeric(name, indices.map { v[$0] })
    case .categorical(let v): .categorical(name, indices.map { v[$0] })
    }
  }
}
