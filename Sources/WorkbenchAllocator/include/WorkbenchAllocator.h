#ifndef WORKBENCH_ALLOCATOR_H
#define WORKBENCH_ALLOCATOR_H

/// Keeps freed blocks up to 32 MB on the C heap for reuse, and up to 1 GiB of freed heap before returning it to the
/// system (glibc's mmap and trim thresholds); does nothing with another C library. See AllocatorSettings.swift.
void workbench_allocator_keep_freed_blocks(void);

#endif
