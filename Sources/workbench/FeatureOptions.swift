import ArgumentParser
import WorkbenchKit

/// The options that name the id column and pick and scale the feature columns of a data CSV.
///
/// Shared by `cluster` and `evaluate` through `@OptionGroup`, so both read
/// `--id`, `--features`, `--impute` and `--scale` the same way.
struct FeatureOptions: ParsableArguments {
  @Option(help: "The id column of the data (default: rows are numbered from 1).")
  var id: String?

  @Option(help: "Comma-separated feature columns (default: every numeric column other than the id and truth columns).")
  var features: String?

  @Option(help: "Fill missing cells first: mean, median, most_frequent or constant.")
  var impute: String?

  @Option(help: "Feature scaling (after --impute): none or standard.")
  var scale: SingleTrial.Scaling = .none

  /// `--features` as column names; `nil` (every numeric column) when not given.
  var featureNames: [String]? { CommaList.names(features) }
}

extension SingleTrial.Scaling: ExpressibleByArgument {}
