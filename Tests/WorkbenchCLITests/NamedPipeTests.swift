import Foundation
import Testing

/// A data path naming a named pipe nothing writes to: the tool reports an empty file instead of waiting forever.
@Suite("named pipes as data")
struct NamedPipeTests {
  @Test("validate and cluster on a pipe with no writer end with exit 3 naming the pipe", arguments: [["validate", "spec.json"], ["cluster", "pipe.csv", "--set", "k=2"]])
  func pipeWithoutWriter(_ arguments: [String]) throws {
    let ws = try Workspace(["spec.json": #"{"name": "piped", "data": {"path": "pipe.csv"}, "algorithms": [{"use": "kmeans", "params": {"k": 2}}]}"#])
    try #require(mkfifo(ws.path("pipe.csv"), 0o644) == 0)
    // Should the tool wait for a writer (the bug), this one, from the fifth second on, hands it data that clusters
    // whenever it has the pipe open, so the command succeeds and the test fails instead of hanging. A tool that
    // read the pipe as empty has closed it, and the writer's non-blocking open then fails harmlessly.
    let stop = DispatchSemaphore(value: 0)
    let pipe = ws.path("pipe.csv")
    DispatchQueue.global().async {
      var next = DispatchTime.now() + 5
      while stop.wait(timeout: next) == .timedOut {
        let descriptor = open(pipe, O_WRONLY | O_NONBLOCK)
        if descriptor >= 0 {
          _ = "a,b\n0,0\n0,1\n5,5\n5,6\n".withCString { write(descriptor, $0, strlen($0)) }
          close(descriptor)
        }
        next = .now() + 0.5
      }
    }
    defer { stop.signal() }

    let output = try CommandRunner.run(arguments, in: ws.url)
    #expect(output.status == 3, "\(output.stderr)")
    #expect(output.stderr.contains("pipe.csv"), "\(output.stderr)")
    #expect(output.stderr.contains("empty"), "\(output.stderr)")
  }
}
