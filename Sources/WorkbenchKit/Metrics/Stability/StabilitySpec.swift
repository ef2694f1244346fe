/// The `stability` section of a spec: how each trial's clustering is re-tested on perturbed data.
///
/// Each of `resamples` perturbed copies of the trial's features is clustered
/// again with its own derived seed and compared with the full-data clustering
/// on the rows they share. `seeds` additionally refits the full data with
/// other seeds (for algorithms that use randomness).
public struct StabilitySpec: Sendable, Equatable {
  /// How the perturbed copies are made.
  public enum Method: String, Sendable, CaseIterable {
    /// Rows drawn with replacement, as many as there are rows.
    case bootstrap
    /// A fraction of the rows, without replacement.
    case subsample
    /// Every row, with Gaussian jitter of `scale` × each feature's standard deviation.
    case noise
  }

  /// The perturbation.
  public var method: Method
  /// Perturbed copies per trial (B); 0 turns resampling off.
  public var resamples: Int
  /// Share of rows kept by `subsample`.
  public var fraction: Double
  /// Jitter of `noise`, in feature standard deviations.
  public var scale: Double
  /// Extra seeds for seed stability (0 = off); ignored for algorithms without randomness.
  public var seeds: Int

  public init(method: Method = .bootstrap, resamples: Int = 20, fraction: Double = 0.8, scale: Double = 0.1, seeds: Int = 0) {
    self.method = method
    self.resamples = resamples
    self.fraction = fraction
    self.scale = scale
    self.seeds = seeds
  }

  /// What a spec without a `stability` section gets: 10 bootstrap resamples per trial, so every trial is fitted
  /// 11 times in all. Stability enters the default ranking; `"stability": false` turns it off.
  public static let `default` = StabilitySpec(method: .bootstrap, resamples: 10)

  /// The spec's keys, with their parameter declarations (validated like plugin parameters).
  public static let parameters: [ParameterSpec] = [
    ParameterSpec("method", .choice(Method.allCases.map(\.rawValue)), default: "bootstrap", "How perturbed copies are made: bootstrap, subsample or noise."),
    ParameterSpec("resamples", .integer(minimum: 0, maximum: 1000), default: 20, "Perturbed copies per trial (B)."),
    ParameterSpec("fraction", .real(minimum: 0, maximum: 1, openMinimum: true, openMaximum: true), default: 0.8, "Share of rows kept by subsample."),
    ParameterSpec("scale", .real(minimum: 0, maximum: 100, openMinimum: true), default: 0.1, "Noise jitter in feature standard deviations."),
    ParameterSpec("seeds", .integer(minimum: 0, maximum: 1000), default: 0, "Extra seeds for seed stability of randomised algorithms (0 = off)."),
  ]

  /// The resolved settings as recorded in the manifest.
  public var json: JSONValue {
    ["method": .string(method.rawValue), "resamples": .int(resamples), "fraction": .double(fraction), "scale": .double(scale), "seeds": .int(seeds)]
  }
}
