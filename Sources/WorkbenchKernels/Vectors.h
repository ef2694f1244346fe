#ifndef WORKBENCH_KERNELS_VECTORS_H
#define WORKBENCH_KERNELS_VECTORS_H

// Vector types and the per-CPU dispatch shared by the kernels (private to this module).
//
// Each kernel body is an always-inlined function instantiated twice: for baseline x86-64 and with AVX2
// enabled. The same source therefore runs four doubles per instruction where the CPU allows, and two
// (or one) elsewhere; where a kernel promises identical results on both paths, its file turns off
// floating-point contraction and its AVX2 instantiation does not enable FMA.

// Every helper that takes or returns a vector is always inlined, so no vector crosses a call and the
// baseline/AVX calling-convention difference clang warns about cannot arise.
#pragma clang diagnostic ignored "-Wpsabi"

typedef double v4 __attribute__((ext_vector_type(4)));
/// Four doubles read or written at any 8-byte aligned address.
typedef double v4u __attribute__((ext_vector_type(4), aligned(8)));

typedef long l4 __attribute__((ext_vector_type(4)));
/// Four longs written at any 8-byte aligned address.
typedef long l4u __attribute__((ext_vector_type(4), aligned(8)));

#define LOAD4(p) (*(const v4u *)(p))
#define STORE4(p, v) (*(v4u *)(p) = (v))

/// 4 × 4 transpose: input r holds (row r, columns j..j+3); output q holds (rows 0..3, column j+q).
#define TRANSPOSE4(r0, r1, r2, r3, o)                                   \
  do {                                                                  \
    v4 t0 = __builtin_shufflevector(r0, r1, 0, 4, 2, 6);                \
    v4 t1 = __builtin_shufflevector(r0, r1, 1, 5, 3, 7);                \
    v4 t2 = __builtin_shufflevector(r2, r3, 0, 4, 2, 6);                \
    v4 t3 = __builtin_shufflevector(r2, r3, 1, 5, 3, 7);                \
    (o)[0] = __builtin_shufflevector(t0, t2, 0, 1, 4, 5);               \
    (o)[1] = __builtin_shufflevector(t1, t3, 0, 1, 4, 5);               \
    (o)[2] = __builtin_shufflevector(t0, t2, 2, 3, 6, 7);               \
    (o)[3] = __builtin_shufflevector(t1, t3, 2, 3, 6, 7);               \
  } while (0)

#define WB_INLINE static inline __attribute__((always_inline))

/// Defines `name` (the AVX2 instantiation of the always-inlined `name##_body` when the CPU has AVX2, the baseline one
/// otherwise) and `name##_baseline` (always the baseline, so tests can compare the two). `params` is the
/// parenthesised parameter list, `args` the parenthesised argument names. `WB_DISPATCH_AVX2_VOID` is the
/// same for kernels that return nothing.
#if defined(__x86_64__)
#define WB_HAS_AVX2() __builtin_cpu_supports("avx2")
#define WB_AVX2_COPY(ret, name, params, args) \
  __attribute__((target("avx2"))) static ret name##_avx2 params { return name##_body args; }
#define WB_AVX2_COPY_VOID(name, params, args) \
  __attribute__((target("avx2"))) static void name##_avx2 params { name##_body args; }
#else
#define WB_HAS_AVX2() 0
#define WB_AVX2_COPY(ret, name, params, args) static ret name##_avx2 params { return name##_body args; }
#define WB_AVX2_COPY_VOID(name, params, args) static void name##_avx2 params { name##_body args; }
#endif

#define WB_DISPATCH_AVX2(ret, name, params, args)       \
  ret name##_baseline params { return name##_body args; } \
  WB_AVX2_COPY(ret, name, params, args)                 \
  ret name params { return WB_HAS_AVX2() ? name##_avx2 args : name##_baseline args; }

#define WB_DISPATCH_AVX2_VOID(name, params, args) \
  void name##_baseline params { name##_body args; } \
  WB_AVX2_COPY_VOID(name, params, args)           \
  void name params {                              \
    if (WB_HAS_AVX2()) {                          \
      name##_avx2 args;                           \
    } else {                                      \
      name##_baseline args;                       \
    }                                             \
  }

#endif
