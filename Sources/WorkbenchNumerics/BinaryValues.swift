import Foundation

/// Numbers as the raw little-endian bytes of the plugin protocol's binary files, and back.
///
/// External plugins receive matrices as row-major IEEE 754 float64 and codes
/// and labels as int32, little-endian, with no framing: a plain copy of
/// memory on every platform Swift runs on today, so handing over a million
/// rows costs what writing the file costs. Big-endian hosts swap bytes.
public enum BinaryValues {
  /// `values` as little-endian float64 bytes.
  /// - Complexity: O(`values.count`), one copy.
  public static func float64(_ values: [Double]) -> Data {
    #if _endian(little)
      return values.withUnsafeBufferPointer { Data(buffer: $0) }
    #else
      return values.map { $0.bitPattern.byteSwapped }.withUnsafeBufferPointer { Data(buffer: $0) }
    #endif
  }

  /// The float64 values in `data`; `nil` when its size is not `count` × 8 bytes.
  public static func float64(_ data: Data, count: Int) -> [Double]? {
    guard data.count == count * 8 else { return nil }
    var values = [Double](repeating: 0, count: count)
    values.withUnsafeMutableBytes { target in _ = data.copyBytes(to: target) }
    #if !_endian(little)
      values = values.map { Double(bitPattern: $0.bitPattern.byteSwapped) }
    #endif
    return values
  }

  /// `values` as little-endian int32 bytes; every value must fit in 32 bits.
  public static func int32(_ values: [Int]) -> Data {
    let narrow = values.map { Int32(truncatingIfNeeded: $0).littleEndian }
    return narrow.withUnsafeBufferPointer { Data(buffer: $0) }
  }

  /// The int32 values in `data`, widened; `nil` when its size is not `count` × 4 bytes.
  public static func int32(_ data: Data, count: Int) -> [Int]? {
    guard data.count == count * 4 else { return nil }
    var values = [Int32](repeating: 0, count: count)
    values.withUnsafeMutableBytes { target in _ = data.copyBytes(to: target) }
    return values.map { Int(Int32(littleEndian: $0)) }
  }
}
