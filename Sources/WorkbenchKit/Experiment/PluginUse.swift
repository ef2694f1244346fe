/// One use of a plugin in a spec: its name, fixed parameters and grid of candidate values.
public struct PluginUse: Sendable, Equatable {
  /// The plugin's registered name.
  public var name: String
  /// Values fixed for every trial.
  public var fixed: [String: JSONValue]
  /// Candidate values per parameter, in the plugin's declaration order; one trial per combination.
  public var grid: [(parameter: String, values: [JSONValue])]
  /// Where the use is in the spec.
  public var location: Location

  public init(name: String, fixed: [String: JSONValue] = [:], grid: [(parameter: String, values: [JSONValue])] = [], location: Location) {
    self.name = name
    self.fixed = fixed
    self.grid = grid
    self.location = location
  }

  /// How many grid points there are (the product of the axis lengths), without building them; `Int.max` when that overflows.
  public var gridPointCount: Int { GridCount.product(grid.map(\.values.count)) }

  /// Every combination of grid values merged over the fixed values, last parameter varying fastest.
  ///
  /// - Complexity: O(``gridPointCount``) dictionaries; check the count first.
  public var gridPoints: [[String: JSONValue]] {
    grid.reduce([fixed]) { points, axis in
      points.flatMap { point in
        axis.values.map { value in point.merging([axis.parameter: value]) { _, new in new } }
      }
    }
  }

  public static func == (a: PluginUse, b: PluginUse) -> Bool {
    a.name == b.name && a.fixed == b.fixed && a.location == b.location
      && a.grid.map(\.parameter) == b.grid.map(\.parameter) && a.grid.map(\.values) == b.grid.map(\.values)
  }
}
