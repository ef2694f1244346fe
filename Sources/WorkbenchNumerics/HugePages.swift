#if canImport(Glibc)
  import Glibc
#endif

/// Asks the kernel to back a large buffer with 2 MB pages before it is first written.
///
/// Why: a matrix of a million rows by 16 columns is 128 MB, which the
/// kernel otherwise maps 4 KB at a time: 32,768 page faults, each zeroing a
/// page, the first time the matrix is filled. On Linux with transparent huge
/// pages in `madvise` mode (the common default) a region marked
/// `MADV_HUGEPAGE` is faulted 2 MB at a time instead. Only whole 2 MB pages
/// inside the buffer are marked; elsewhere, or when the kernel declines, this
/// does nothing. Contents and results never depend on it.
public enum HugePages {
  /// Buffers below this size are left alone.
  static let minimumBytes = 8 << 20

  /// Marks the whole 2 MB pages inside `buffer`; call before writing it.
  public static func advise<T>(_ buffer: UnsafeMutableBufferPointer<T>) {
    #if canImport(Glibc)
      guard let base = buffer.baseAddress, buffer.count * MemoryLayout<T>.stride >= minimumBytes else { return }
      let page = 2 << 20
      let start = (Int(bitPattern: base) + page - 1) & ~(page - 1)
      let end = (Int(bitPattern: base) + buffer.count * MemoryLayout<T>.stride) & ~(page - 1)
      guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
      _ = madvise(pointer, end - start, MADV_HUGEPAGE)
    #endif
  }
}
