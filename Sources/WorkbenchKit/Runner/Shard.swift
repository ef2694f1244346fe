/// One share of a split run: shard `number` of `count` (`run --shard 2/4`).
///
/// The plan's trials are divided among `count` shards by ``ShardPartition``;
/// each shard records its share in a shard store of its own (see
/// ``ShardManifest``), and `merge` unites the stores and finalizes once.
/// Numbers count from 1, as people say "shard 2 of 4"; the 0-based indices
/// schedulers hand out (`SLURM_ARRAY_TASK_ID`, `JOB_COMPLETION_INDEX`) are
/// converted by ``resolve(_:environment:)``.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
  /// The most shards a run may be split into (Slurm's default `MaxArraySize` is 1001).
  public static let maximumCount = 1000

  /// This shard's number, 1…``count``.
  public let number: Int
  /// How many shards the run is split into.
  public let count: Int

  /// Shard `number` of `count`; both are checked by ``resolve(_:environment:)`` before they get here.
  public init(number: Int, count: Int) {
    precondition(count >= 1 && count <= Self.maximumCount && number >= 1 && number <= count, "shard \(number)/\(count) is out of range")
    self.number = number
    self.count = count
  }

  /// "2/4".
  public var description: String { "\(number)/\(count)" }

  /// The shard store's folder name beside where the unsharded run would go: `<run-key>.shard-2-of-4`.
  public func storeName(runKey: String) -> String { "\(runKey).shard-\(number)-of-\(count)" }

  /// The shard named by a `--shard` value: `I/N`, `auto` or `auto/N`.
  ///
  /// `auto` reads the scheduler's task index from `environment`:
  /// - a Slurm job array sets `SLURM_ARRAY_TASK_ID` and `SLURM_ARRAY_TASK_COUNT`
  ///   (and `SLURM_ARRAY_TASK_MIN`/`_STEP`, so `--array=1-4` and `--array=0-6:2`
  ///   number their tasks 1…N as well);
  /// - a Kubernetes indexed Job sets `JOB_COMPLETION_INDEX` (0…N−1) but not
  ///   the count, which is then given as `auto/N`.
  /// When both `N` and `SLURM_ARRAY_TASK_COUNT` are known they must agree.
  public static func resolve(_ text: String, environment: [String: String]) throws(SpecError) -> Shard {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    guard parts.count <= 2, let first = parts.first else { throw usage(text, "it is not I/N, auto or auto/N") }
    var count: Int?
    if parts.count == 2 {
      guard let n = Int(parts[1]), n >= 1, n <= maximumCount else { throw usage(text, "N must be a whole number from 1 to \(maximumCount)") }
      count = n
    }
    if first != "auto" {
      guard let count else { throw usage(text, "give the shard count too, as I/N") }
      guard let number = Int(first), number >= 1, number <= count else { throw usage(text, "I must be a whole number from 1 to N (\(count))") }
      return Shard(number: number, count: count)
    }
    if environment["SLURM_ARRAY_TASK_ID"] != nil {
      return try slurm(environment: environment, count: count)
    }
    if let index = environment["JOB_COMPLETION_INDEX"] {
      guard let count else {
        throw usage(text, "JOB_COMPLETION_INDEX (a Kubernetes indexed Job) gives the index but not the shard count", fix: "write --shard auto/N with N the Job's completions.")
      }
      guard let i = Int(index), i >= 0, i < count else {
        throw usage(text, "JOB_COMPLETION_INDEX is '\(index)', not an index from 0 to \(count - 1)", fix: "set the Job's completions and parallelism to \(count), or give that N.")
      }
      return Shard(number: i + 1, count: count)
    }
    throw usage(
      text, "neither SLURM_ARRAY_TASK_ID (a Slurm job array) nor JOB_COMPLETION_INDEX (a Kubernetes indexed Job) is set",
      fix: "run it as a task of a job array or indexed Job, or give the shard explicitly as --shard I/N.")
  }

  /// The shard of a Slurm array task: its place among the array's task ids, counted from 1.
  private static func slurm(environment: [String: String], count given: Int?) throws(SpecError) -> Shard {
    let text = "auto"
    func number(_ name: String) throws(SpecError) -> Int? {
      guard let raw = environment[name] else { return nil }
      guard let n = Int(raw) else { throw usage(text, "\(name) is '\(raw)', not a whole number") }
      return n
    }
    let id = try number("SLURM_ARRAY_TASK_ID") ?? 0
    let low = try number("SLURM_ARRAY_TASK_MIN") ?? 0
    let step = try number("SLURM_ARRAY_TASK_STEP") ?? 1
    guard step >= 1 else { throw usage(text, "SLURM_ARRAY_TASK_STEP must be at least 1") }
    let reported = try number("SLURM_ARRAY_TASK_COUNT")
    if let reported, let given, reported != given {
      throw usage("auto/\(given)", "the job array has \(reported) tasks (SLURM_ARRAY_TASK_COUNT), not \(given)", fix: "submit the array with --array=0-\(given - 1), or write --shard auto.")
    }
    guard let count = given ?? reported, count >= 1, count <= maximumCount else {
      throw usage(text, "SLURM_ARRAY_TASK_COUNT is not set or not from 1 to \(maximumCount)", fix: "give the count as --shard auto/N.")
    }
    let offset = id - low
    guard offset >= 0, offset % step == 0, offset / step < count else {
      throw usage(
        text, "task \(id) of an array starting at \(low) in steps of \(step) is not one of \(count) shards",
        fix: "submit the array as --array=0-\(count - 1) (a task id per shard).")
    }
    return Shard(number: offset / step + 1, count: count)
  }

  private static func usage(_ text: String, _ reason: String, fix: String = "write --shard I/N (e.g. 2/4), --shard auto in a Slurm job array, or --shard auto/N in a Kubernetes indexed Job.") -> SpecError {
    SpecError(Location(file: "--shard"), "'\(text)' does not name a shard: \(reason).", fix: fix)
  }
}
