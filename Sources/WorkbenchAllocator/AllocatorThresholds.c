// glibc's malloc tuning is declared in <malloc.h>, which Swift's Glibc module does not export.
#include "WorkbenchAllocator.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

void workbench_allocator_keep_freed_blocks(void) {
#if defined(__GLIBC__)
  // 32 MB is the largest mmap threshold glibc accepts on 64-bit systems.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
}
