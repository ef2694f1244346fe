import WorkbenchNumerics

extension OPTICS {
  /// Labels from the ξ clusters: each cluster, smaller before the larger ones enclosing them, takes the next label
  /// if none of its rows has one yet (scikit-learn's `_extract_xi_labels`).
  func xiLabels(_ plot: ReachabilityPlot) -> [Int] {
    var byPosition = Array(repeating: -1, count: plot.ordering.count)
    var label = 0
    for (start, end) in xiClusters(plot) where byPosition[start...end].allSatisfy({ $0 == -1 }) {
      for position in start...end { byPosition[position] = label }
      label += 1
    }
    var labels = Array(repeating: -1, count: plot.ordering.count)
    for (position, row) in plot.ordering.enumerated() { labels[row] = byPosition[position] }
    return labels
  }

  /// The ξ clusters as inclusive ranges of positions in the ordering, smaller clusters first (scikit-learn's `_xi_cluster`).
  ///
  /// Figure 19 of Ankerst et al. with scikit-learn's corrections: a
  /// steep-down point has r(p)·(1 − ξ) ≥ r(p + 1) and a cluster's end is
  /// searched from the right (Definition 11, 4c), an +∞ is appended to the
  /// plot so a cluster can end with it, and steep areas tolerate at most
  /// `min_samples` consecutive non-steep points. With `predecessor_correction`,
  /// a cluster's end moves left until its predecessor lies inside it.
  func xiClusters(_ plot: ReachabilityPlot) -> [(Int, Int)] {
    let r = plot.ordering.map { plot.reachability[$0] } + [.infinity]
    let predecessors = plot.ordering.map { plot.predecessor[$0] }
    let n = plot.ordering.count
    let complement = 1 - xi
    let ratio = (0..<n).map { r[$0] / r[$0 + 1] }
    let steepUp = ratio.map { $0 <= complement }
    let steepDown = ratio.map { $0 >= 1 / complement }
    let down = ratio.map { $0 > 1 }
    let up = ratio.map { $0 < 1 }
    var areas: [(start: Int, end: Int, mib: Double)] = []
    var clusters: [(Int, Int)] = []
    var index = 0
    var mib = 0.0
    for steep in 0..<n where (steepUp[steep] || steepDown[steep]) && steep >= index {
      mib = max(mib, r[index...steep].max() ?? mib)
      areas = mib.isInfinite ? [] : areas.filter { mib <= r[$0.start] * complement }.map { ($0.start, $0.end, max($0.mib, mib)) }
      if steepDown[steep] {
        let end = Self.extendRegion(steepDown, up, start: steep, minimumSamples: minimumSamples)
        areas.append((steep, end, 0))
        index = end + 1
        mib = r[index]
        continue
      }
      let upStart = steep
      let upEnd = Self.extendRegion(steepUp, down, start: steep, minimumSamples: minimumSamples)
      index = upEnd + 1
      mib = r[index]
      var found: [(Int, Int)] = []
      for area in areas {
        var start = area.start
        var end = upEnd
        if r[end + 1] * complement < area.mib { continue }
        let areaMax = r[area.start]
        if areaMax * complement >= r[end + 1] {
          while r[start + 1] > r[end + 1] && start < area.end { start += 1 }
        } else if r[end + 1] * complement >= areaMax {
          while r[end - 1] > areaMax && end > upStart { end -= 1 }
        }
        if predecessorCorrection {
          guard let corrected = Self.correctPredecessor(r, predecessors, plot.ordering, start, end) else { continue }
          (start, end) = corrected
        }
        if end - start + 1 < minClusterSize || start > area.end || end < upStart { continue }
        found.append((start, end))
      }
      clusters += found.reversed()
    }
    return clusters
  }

  /// The last index of a steep area starting at `start`, allowing at most `minimumSamples` consecutive points that are
  /// neither steep nor against the direction (scikit-learn's `_extend_region`).
  static func extendRegion(_ steep: [Bool], _ against: [Bool], start: Int, minimumSamples: Int) -> Int {
    var flat = 0
    var end = start
    for index in start..<steep.count {
      if steep[index] {
        flat = 0
        end = index
      } else if !against[index] {
        flat += 1
        if flat > minimumSamples { break }
      } else {
        return end
      }
    }
    return end
  }

  /// Algorithm 2 of Schubert & Gertz: shortens `start…end` from the right until the end's predecessor lies inside,
  /// or the start is higher than the end; `nil` when nothing is left.
  static func correctPredecessor(_ r: [Double], _ predecessors: [Int], _ ordering: [Int], _ start: Int, _ end: Int) -> (Int, Int)? {
    var end = end
    while start < end {
      if r[start] > r[end] { return (start, end) }
      if ordering[start..<end].contains(predecessors[end]) { return (start, end) }
      end -= 1
    }
    return nil
  }
}
