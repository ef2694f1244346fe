import Foundation
import Testing

/// A data path naming a named pipe nothing writes to: the tool reports an empty file instead of waiting forever.
@Suite("named pipes as data")
struct NamedPipeTests {
  @Test("validate and cluster on a pipe with no writer end with exit 3 naming the pipe", arguments: [["validate", "spec.json"], ["cluster", "pipe.csv", "--set", "k=2"]])
  func pipeWithoutWriter(_ arguments: [String]) throws {
    let ws = try Workspace(["spec.json": #"{"name": "piped", "data": {"path": "pipe.csv"}, "algorithms": [{"use": "kmeans", "params": {"k": 2}}]}"#])
    try #require(mkfifo(ws.path("pipe.csv"), 0o644) == 0)
    // Should the tool wait for a writer (the bug), this one arrives after five seconds with data that clusters,
    // so the command would succeed and the test fail instead of hanging. A tool that has already read the pipe as
    // empty leaves no reader, and the writer's non-blocking open then fails harmlessly.
    let writer = DispatchWorkItem {
      let descriptor = open(ws.path("pipe.csv"), O_WRONLY | O_NONBLOCK)
      guard descriptor >= 0 else { return }
      let text = "a,b\n0,0\n0,1\n5,5\n5,6\n"
      _ = text.withCString { write(descriptor, $0, strlen($0)) }
      close(descriptor)
    }
    DispatchQueue.global().asyncAfter(deadline: .now() + 5, execute: writer)
    defer { writer.cancel() }

    let output = try CommandRunner.run(arguments, in: ws.url)
    #expect(output.status == 3, "\(output.stderr)")
    #expect(output.stderr.contains("pipe.csv"), "\(output.stderr)")
    #expect(output.stderr.contains("empty"), "\(output.stderr)")
  }
}
