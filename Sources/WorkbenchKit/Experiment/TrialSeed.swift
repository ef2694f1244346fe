import Crypto
import Foundation

/// Hashes that identify configurations and seeds derived from them.
///
/// A trial's seed comes from the experiment seed and its config hash (and a
/// resample index), never from the order trials run in, so results do not
/// depend on `--jobs`.
public enum TrialSeed {
  /// The config hash of a canonical configuration: the first 16 hex digits of its SHA-256.
  public static func configHash(_ configuration: JSONValue) -> String {
    String(DataFingerprint.sha256(of: configuration.canonicalText).prefix(16))
  }

  /// The seed of a trial (resample 0 is the fit on all the data).
  public static func seed(experimentSeed: UInt64, configHash: String, resample: Int = 0) -> UInt64 {
    let digest = SHA256.hash(data: Data("\(experimentSeed):\(configHash):\(resample)".utf8))
    return digest.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
  }
}
