import WorkbenchAllocator

/// How the C allocator hands out and returns memory for this process.
///
/// Why: a run over a million rows allocates and frees dozens of column arrays
/// of 8 MB (one per feature, at each stage: read, imputed, scaled, the shared
/// space). glibc serves blocks from 128 KB up by fresh `mmap` calls until its
/// adaptive threshold has grown, and unmaps them on release, so every stage
/// pays page faults to touch new pages and the kernel's work to zero and
/// unmap them (about a sixth of a 1M-row run's time in a profile). Raising
/// the mmap threshold to its ceiling (32 MB) keeps such blocks on the heap,
/// where freed memory is reused, and a higher trim threshold keeps up to
/// 1 GiB of freed heap for the next stage instead of returning it at once.
/// Blocks beyond 32 MB (whole matrices) are still mapped and unmapped as
/// before. Results do not depend on this; only time does.
enum AllocatorSettings {
  /// Applies the settings; call once, before any large allocation.
  static func apply() {
    workbench_allocator_keep_freed_blocks()
  }
}
