import WorkbenchKit

/// Names the command-line flag behind a problem the library located by a JSON path of the spec a command built.
///
/// `cluster` and `evaluate` build a one-trial spec from their flags and run
/// it through the library, which knows nothing of flags; this table puts the
/// flag back where the library says `data.features` or `algorithms[0].params.k`.
struct FlagLocations {
  /// JSON path prefixes and the flag each stands for; a flag ending in a space takes the rest of the path (`--set k`).
  let flags: [(path: String, flag: String)]

  /// `error` with every problem at one of the paths relocated to its flag; other errors unchanged.
  func relocate(_ error: any Error) -> any Error {
    guard let spec = error as? SpecError else { return error }
    return SpecError(spec.problems.map(relocate))
  }

  private func relocate(_ problem: Problem) -> Problem {
    guard let path = problem.location.jsonPath, let (prefix, flag) = flags.first(where: { path.hasPrefix($0.path) }) else { return problem }
    var copy = problem
    copy.location = Location(file: flag + (flag.hasSuffix(" ") ? String(path.dropFirst(prefix.count)) : ""))
    return copy
  }

  /// The flags of `cluster`.
  static let cluster = FlagLocations(flags: [
    ("algorithms[0].params.", "--set "), ("algorithms[0].use", "--algorithm"), ("data.features", "--features"), ("data.id", "--id"),
    ("data.path", "DATA"), ("seed", "--seed"), ("metrics", "--metrics"), ("data.truth", "--truth"),
    ("pipelines[0].steps[0].params.strategy", "--impute"),
  ])

  /// The flags of `evaluate`.
  static let evaluate = FlagLocations(flags: [
    ("metrics", "--metrics"), ("data.features", "--features"), ("data.id", "--id"), ("data.truth", "--truth"), ("impute.strategy", "--impute"),
  ])
}
