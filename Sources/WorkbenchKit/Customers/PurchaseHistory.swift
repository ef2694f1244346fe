/// Each customer's purchase history in the form the BG/NBD model reads: repeat purchases, time of the last one, age.
///
/// With time measured from the customer's first purchase: `x` = number of
/// repeat purchases (purchases − 1), `tx` = time of the last purchase
/// (0 when x = 0), `age` = time from the first purchase to the end of
/// observation (BG/NBD's T). These are `lifetimes`' `frequency`, `recency`
/// and `T` — note that this "recency" is *not* the RFM recency (time since
/// the last purchase), which is `age − tx`.
///
/// Edge cases: the checks are those of `lifetimes`' `_check_inputs` plus
/// finiteness: x must be a whole number ≥ 0, 0 ≤ tx ≤ age, age > 0, and tx = 0
/// when x = 0; each violation is a ``DataError`` naming the line and column.
public struct PurchaseHistory: Sendable, Equatable {
  /// Repeat purchases per customer (BG/NBD x).
  public var x: [Double]
  /// Time of the last purchase after the first (BG/NBD t_x).
  public var tx: [Double]
  /// Time from the first purchase to the end of observation (BG/NBD T).
  public var age: [Double]

  /// Checked histories; `x`, `tx`, `age` must have equal lengths.
  public init(x: [Double], tx: [Double], age: [Double]) throws(DataError) {
    try self.init(x: x, tx: tx, age: age, columns: ("x", "t_x", "T"), table: nil)
  }

  /// The histories in three numeric columns of `table`, checked; errors name the file line and column.
  public init(table: DataTable, x xName: String, tx txName: String, age ageName: String) throws(DataError) {
    try table.requireNumeric([xName, txName, ageName])
    func numbers(_ name: String) -> [Double] { table.column(named: name)?.numbers ?? [] }
    try self.init(x: numbers(xName), tx: numbers(txName), age: numbers(ageName), columns: (xName, txName, ageName), table: table)
  }

  private init(x: [Double], tx: [Double], age: [Double], columns: (String, String, String), table: DataTable?) throws(DataError) {
    precondition(x.count == tx.count && x.count == age.count, "histories of unequal length")
    func fail(_ row: Int, _ name: String, _ message: String, fix: String) -> DataError {
      DataError(
        Location(
          file: table?.sourceName, line: table?.line(ofRow: row),
          column: table?.columnIndex(named: name).map { $0 + 1 }, columnName: name),
        (table == nil ? "customer \(row + 1): " : "") + message, fix: fix)
    }
    for i in x.indices {
      guard x[i].isFinite, x[i] >= 0, x[i] == x[i].rounded() else {
        throw fail(i, columns.0, "repeat purchases must be a whole number ≥ 0; got \(x[i]).", fix: "use purchases − 1 per customer.")
      }
      guard age[i].isFinite, age[i] > 0 else {
        throw fail(i, columns.2, "the time since the first purchase must be > 0; got \(age[i]).", fix: "measure it up to a date after the first purchase.")
      }
      guard tx[i].isFinite, tx[i] >= 0, tx[i] <= age[i] else {
        throw fail(
          i, columns.1, "the time of the last purchase must lie between 0 and the customer's age \(age[i]); got \(tx[i]).",
          fix: "measure it from the first to the last purchase, in the same unit as the age.")
      }
      guard x[i] > 0 || tx[i] == 0 else {
        throw fail(i, columns.1, "a customer without repeat purchases must have last-purchase time 0; got \(tx[i]).", fix: "set it to 0 when the customer bought once.")
      }
    }
    self.x = x
    self.tx = tx
    self.age = age
  }

  /// Number of customers.
  public var count: Int { x.count }
}
