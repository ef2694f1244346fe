// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "ClusterWorkbench",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "workbench", targets: ["workbench"]),
    .library(name: "WorkbenchKit", targets: ["WorkbenchKit"]),
    .library(name: "WorkbenchTestSupport", targets: ["WorkbenchTestSupport"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    // SHA-256 for data fingerprints, config hashes and trial seeds.
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
  ],
  targets: [
    // Vector kernels Swift cannot compile per CPU: built for the baseline and for AVX2 + FMA, chosen at run time.
    .target(name: "WorkbenchKernels"),
    // Kernels and the matrix type; the only Swift module with unsafe pointers.
    .target(name: "WorkbenchNumerics", dependencies: ["WorkbenchKernels"], swiftSettings: optimizedInDebug),
    // glibc's allocator thresholds, set once by the `workbench` executable (see its AllocatorSettings).
    .target(name: "WorkbenchAllocator"),
    // Starting external plugin processes: a process group of their own, writes confined to their folder (Landlock), timeouts.
    .target(name: "WorkbenchSpawn"),
    .target(
      name: "WorkbenchKit",
      dependencies: [
        "WorkbenchNumerics",
        "WorkbenchSpawn",
        .product(name: "Crypto", package: "swift-crypto"),
      ], swiftSettings: optimizedInDebug),
    // The benchmark harness (`workbench bench`): generated data, workloads in child processes, the scikit-learn baseline.
    .target(name: "WorkbenchBench", dependencies: ["WorkbenchKit", "WorkbenchNumerics"]),
    // Common checks, data generators and tolerance helpers, usable by outside plugin authors.
    .target(name: "WorkbenchTestSupport", dependencies: ["WorkbenchKit", "WorkbenchNumerics"]),
    .executableTarget(
      name: "workbench",
      dependencies: [
        "WorkbenchAllocator",
        "WorkbenchKit",
        "WorkbenchBench",
        "WorkbenchNumerics",
        "WorkbenchTestSupport",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    // The compiled example of an external plugin (protocol v1, Foundation only): k-medians; its manifest sits beside it.
    .executableTarget(name: "workbench-plugin-kmedians", path: "plugins-registry/external/kmedians"),
    .testTarget(name: "WorkbenchNumericsTests", dependencies: ["WorkbenchNumerics", "WorkbenchTestSupport"], resources: [.copy("Fixtures")]),
    .testTarget(
      name: "WorkbenchKitTests",
      dependencies: ["WorkbenchKit", "WorkbenchTestSupport"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "WorkbenchBenchTests", dependencies: ["WorkbenchBench", "WorkbenchKit", "WorkbenchTestSupport"]),
    // BadInputs/ holds the bad-input corpus, read from the source tree by the corpus test.
    .testTarget(name: "WorkbenchCLITests", dependencies: ["workbench", "workbench-plugin-kmedians", "WorkbenchKit", "WorkbenchBench"], exclude: ["BadInputs"]),
  ]
)

// The libFuzzer harness (Tests/Fuzz): only when WORKBENCH_FUZZ is set, so `swift build` and `swift test` never see it.
// Tests/Fuzz/run.sh builds it with -sanitize=fuzzer,address; its entry point starts libFuzzer's driver.
if Context.environment["WORKBENCH_FUZZ"] != nil {
  package.products.append(.executable(name: "workbench-fuzz", targets: ["WorkbenchFuzz"]))
  package.targets.append(
    .executableTarget(name: "WorkbenchFuzz", dependencies: ["WorkbenchKit"], path: "Tests/Fuzz/Harness"))
}

/// The numeric modules are compiled with optimisation in debug builds too (assertions kept), so `swift test` runs the
/// algorithms at near-release speed: their unoptimised loops are 10–50× slower.
var optimizedInDebug: [SwiftSetting] { [.unsafeFlags(["-O", "-assert-config", "Debug"], .when(configuration: .debug))] }
