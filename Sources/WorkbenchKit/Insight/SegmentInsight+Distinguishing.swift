extension SegmentInsight {
  /// The numeric columns that set the segment in group `group` apart most: largest |z| first (ties by column
  /// name), with the z-score and the relative difference of its mean to the population's (nil when undefined).
  ///
  /// What `workbench profile` and the report's segment cards list as "stands out by".
  /// - Complexity: O(columns log columns).
  public func distinguishing(_ group: Int, limit: Int) -> [(column: String, z: Double, relative: Double?)] {
    let scored = profiles.numeric.compactMap { profile -> (column: String, z: Double, relative: Double?)? in
      guard let z = profile.zScores[group].value else { return nil }
      return (profile.column, z, profile.relativeDifferences[group].value)
    }
    return Array(scored.sorted { abs($0.z) > abs($1.z) || (abs($0.z) == abs($1.z) && $0.column < $1.column) }.prefix(limit))
  }
}
