import Foundation
import Testing
import WorkbenchKit

/// The recipes under experiments/scale-out/: each file parses, and its scheduler's index maps to every --shard exactly once.
@Suite("Scale-out recipes: Slurm, Kubernetes, GitHub Actions")
struct ScaleOutRecipeTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("experiments/scale-out")

  func text(_ name: String) throws -> String { try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8) }

  /// The value at `path` (keys, or integers for list positions) in `json`.
  func value(_ json: JSONValue?, _ path: Any...) -> JSONValue? {
    path.reduce(json) { node, step in
      if let key = step as? String { return node?.object?[key] }
      if let index = step as? Int, let items = node?.array, items.indices.contains(index) { return items[index] }
      return nil
    }
  }

  @Test("the Slurm scripts pass bash -n; array task ids 0…N−1 are shards 1…N; the merge waits with afterok")
  func slurm() throws {
    for name in ["slurm/local-cluster.sh", "slurm/submit.sh", "slurm/shard-array.sbatch", "slurm/merge.sbatch", "slurm/wait-job.sh"] {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/bash")
      process.arguments = ["-n", Self.folder.appendingPathComponent(name).path]
      try process.run()
      process.waitUntilExit()
      #expect(process.terminationStatus == 0, "bash -n \(name)")
    }
    let submit = try text("slurm/submit.sh")
    #expect(submit.contains("--array=0-$((count - 1))"))
    #expect(submit.contains("--dependency=afterok:\"$array\""))
    #expect(try text("slurm/shard-array.sbatch").contains("--shard auto "))
    #expect(try text("slurm/merge.sbatch").contains("*.shard-*-of-\"$SHARD_COUNT\""))
    #expect(try text("slurm/local-cluster.sh").contains("DependencyParameters=kill_invalid_depend"))
    let count = 4
    let shards = try (0..<count).map { id in
      try Shard.resolve("auto", environment: ["SLURM_ARRAY_TASK_ID": "\(id)", "SLURM_ARRAY_TASK_COUNT": "\(count)", "SLURM_ARRAY_TASK_MIN": "0"])
    }
    #expect(shards.map(\.number) == Array(1...count))
    #expect(Set(shards.map(\.count)) == [count])
  }

  @Test("the Kubernetes Job parses: indexed, its completions are the N of --shard auto/N, and every index is one shard")
  func kubernetes() throws {
    let documents = try YAMLSubset.documents(try text("kubernetes/indexed-job.yaml"))
    #expect(documents.map { $0.object?["kind"]?.string } == ["PersistentVolumeClaim", "Job"])
    let job = documents[1]
    #expect(value(job, "spec", "completionMode") == "Indexed")
    let completions = try #require(value(job, "spec", "completions")?.integer)
    #expect(value(job, "spec", "parallelism")?.integer ?? 0 <= completions)
    let commandItems = value(job, "spec", "template", "spec", "containers", 0, "command")?.array
    let command = try #require(commandItems).compactMap { $0.string }
    let shardArgument = try #require(command.firstIndex(of: "--shard").map { command[$0 + 1] })
    #expect(shardArgument == "auto/\(completions)")
    let claim = value(job, "spec", "template", "spec", "volumes", 0, "persistentVolumeClaim", "claimName")
    #expect(claim == value(documents[0], "metadata", "name"))
    let shards = try (0..<completions).map { try Shard.resolve(shardArgument, environment: ["JOB_COMPLETION_INDEX": "\($0)"]) }
    #expect(shards.map(\.number) == Array(1...completions))

    let merge = try #require(try YAMLSubset.documents(try text("kubernetes/merge-job.yaml")).first)
    #expect(value(merge, "kind") == "Job")
    let script = try #require(value(merge, "spec", "template", "spec", "containers", 0, "args", 0)?.string)
    #expect(script.contains("workbench merge results shards/customer-segments/*.shard-*-of-\(completions)"))
    #expect(script.contains("workbench gate"))
    #expect(value(merge, "spec", "template", "spec", "volumes", 0, "persistentVolumeClaim", "claimName") == claim)
  }

  @Test("the GitHub Actions workflow parses: matrix entries are the shards 1…N, the merge needs them, the gate reports JUnit and a step summary")
  func githubActions() throws {
    let workflow = try #require(try YAMLSubset.documents(try text("github-actions/segmentation.yml")).first)
    let matrixItems = value(workflow, "jobs", "shard", "strategy", "matrix", "shard")?.array
    let matrix = try #require(matrixItems).compactMap { $0.integer }
    let steps = try #require(value(workflow, "jobs", "shard", "steps")?.array)
    let run = try #require(steps.compactMap { $0.object?["run"]?.string }.first { $0.contains("--shard") })
    let template = try #require(run.components(separatedBy: "--shard ").last?.components(separatedBy: " --").first)
    #expect(template.contains("${{ matrix.shard }}"))
    let shards = try matrix.map { entry in try Shard.resolve(template.replacingOccurrences(of: "${{ matrix.shard }}", with: "\(entry)"), environment: [:]) }
    let count = matrix.count
    #expect(shards.map(\.number) == Array(1...count))
    #expect(Set(shards.map(\.count)) == [count])
    #expect(value(workflow, "jobs", "merge", "needs") == "shard")
    let mergeSteps = try #require(value(workflow, "jobs", "merge", "steps")?.array)
    let commands = mergeSteps.compactMap { $0.object?["run"]?.string }
    #expect(commands.contains { $0.contains("workbench merge results shards/*/*.shard-*-of-\(count)") })
    let gate = try #require(commands.first { $0.contains("workbench gate") })
    #expect(gate.contains("--junit gate.xml"))
    #expect(gate.contains("--summary \"$GITHUB_STEP_SUMMARY\""))
    #expect(mergeSteps.contains { value($0, "with", "report_paths") == "gate.xml" })
    #expect(mergeSteps.contains { value($0, "with", "pattern") == "shard-*" && value($0, "with", "merge-multiple") == true })
  }

  @Test("the YAML reader rejects what it cannot read, naming the line")
  func yamlReader() throws {
    #expect(try YAMLSubset.documents("a: 1\nb:\n  - x\n  - {k: v, n: [1, 2]}\nc: |\n  line one\n  line two\n") == [
      ["a": 1, "b": ["x", ["k": "v", "n": [1, 2]]], "c": "line one\nline two\n"]
    ])
    #expect(try YAMLSubset.documents("- name: a\n  run: echo 'x: y'  # comment\n- b\n") == [[["name": "a", "run": "echo 'x: y'"], "b"]])
    for bad in ["a: 1\n\tb: 2\n", "a: 1\n   b: 2\n", "a: &anchor 1\n", "a: [1, 2\n", "a: 1\na: 2\n"] {
      #expect(throws: YAMLSubset.Failure.self, "\(bad)") { try YAMLSubset.documents(bad) }
    }
  }
}
