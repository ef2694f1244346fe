import WorkbenchKit
import Foundation

/// Encoding and decoding of the benchmark's JSON (manifests, child measurements, reports), with sorted keys.
public enum BenchJSON {
  /// `value` as pretty-printed JSON with sorted keys.
  public static func encode(_ value: some Encodable) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    do {
      return try encoder.encode(value)
    } catch {
      throw ResultStoreError(path: "(benchmark JSON)", reason: "cannot encode: \(error)")
    }
  }

  /// `value` as JSON text.
  public static func text(_ value: some Encodable) throws -> String {
    String(decoding: try encode(value), as: UTF8.self) + "\n"
  }

  /// Decodes a `T` from `data`, naming `source` in the error.
  public static func decode<T: Decodable>(_ type: T.Type, from data: Data, source: String) throws -> T {
    do {
      return try JSONDecoder().decode(type, from: data)
    } catch {
      throw ResultStoreError(path: source, reason: "not the expected benchmark JSON (\(error))")
    }
  }
}
