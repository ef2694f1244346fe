import WorkbenchKit
/// What one `workbench bench` invocation measures.
public struct BenchPlan: Sendable, Equatable {
  /// Workloads, in report order.
  public var workloads: [BenchWorkload]
  /// The size every workload runs at; `nil` runs each at its ``BenchWorkload/defaultSize``.
  public var size: BenchSize?
  /// Timed repetitions per workload (per side, in pairs, with `compare`).
  public var repetitions: Int
  /// Untimed runs before the timed ones, in every child process.
  public var warmUps: Int
  /// Whether the scikit-learn baseline runs alternately with the workbench.
  public var compare: Bool
  /// Bytes streamed to measure memory bandwidth; 0 skips the machine limits.
  public var limitBytes: Int
  /// Bootstrap resamples per grid configuration (``BenchWorkload/gridResamples`` unless a quick run lowers it).
  public var gridResamples: Int

  public init(
    workloads: [BenchWorkload], size: BenchSize?, repetitions: Int, warmUps: Int, compare: Bool, limitBytes: Int,
    gridResamples: Int = BenchWorkload.gridResamples
  ) {
    self.gridResamples = gridResamples
    self.workloads = workloads
    self.size = size
    self.repetitions = repetitions
    self.warmUps = warmUps
    self.compare = compare
    self.limitBytes = limitBytes
  }

  /// The size `workload` runs at.
  public func size(of workload: BenchWorkload) -> BenchSize { size ?? workload.defaultSize }

  /// The sizes whose data must exist, smallest first.
  public var sizes: [BenchSize] { Set(workloads.map(size(of:))).sorted() }
}
