import Foundation
import Testing

/// README.md against the built binary's help: every `workbench COMMAND` it shows exists, every `--flag` it uses is
/// one of that command's options, and every command is in its commands table. Fast drift checks; `.ci/readme-commands`
/// runs the README's `sh` lines themselves.
@Suite("README commands match the command line")
struct ReadmeCommandTests {
  static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("README.md")

  /// A `workbench` command the README shows: its line and the words after `workbench`.
  struct Command: CustomStringConvertible {
    var line: Int
    var words: [String]
    var description: String { "README.md:\(line): workbench \(words.joined(separator: " "))" }
  }

  /// The `workbench …` and `swift run … workbench …` lines of the README's `sh` blocks (a trailing `\` joins the next
  /// line; `# comments` dropped), then every inline code span starting with `workbench ` outside them (the commands
  /// table's synopses included).
  static func commands(in text: String) -> [Command] {
    var commands: [Command] = []
    var insideShell = false, insideOther = false
    var pending = "", start = 0
    for (index, raw) in text.components(separatedBy: "\n").enumerated() {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.hasPrefix("```") {  // a fence closes the open block, or opens one
        let opening = !insideShell && !insideOther
        insideShell = opening && line == "```sh"
        insideOther = opening && line != "```sh"
        continue
      }
      if insideOther { continue }
      guard insideShell else {
        for span in inlineCode(raw) where span.hasPrefix("workbench ") {
          commands.append(Command(line: index + 1, words: words(span).dropFirst().map { $0 }))
        }
        continue
      }
      if pending.isEmpty { start = index + 1 }
      if line.hasSuffix("\\") { pending += line.dropLast() + " "; continue }
      var joined = pending + line
      pending = ""
      if let comment = joined.range(of: " #") { joined = String(joined[..<comment.lowerBound]) }
      let all = words(joined)
      let tool = all.firstIndex(of: "workbench")
      if let tool, tool == 0 || all.starts(with: ["swift", "run"]) {
        commands.append(Command(line: start, words: Array(all[(tool + 1)...])))
      }
    }
    return commands
  }

  /// The contents of the single-backtick code spans of a Markdown line.
  static func inlineCode(_ line: String) -> [String] {
    let parts = line.components(separatedBy: "`")
    return stride(from: 1, to: parts.count - 1, by: 2).map { parts[$0] }
  }

  static func words(_ text: String) -> [String] { text.split(whereSeparator: \.isWhitespace).map(String.init) }

  /// The `--flag` names in a word (table synopses write `[--out`, `none\|standard`; values such as `--set=k` lose `=k`).
  static func flags(_ word: String) -> [String] {
    word.matches(of: /--[a-z][a-z0-9-]*/).map { String($0.output) }
  }

  /// The subcommands a help text lists under `SUBCOMMANDS:` (`show, list (default)` gives show and list), the default
  /// one first.
  static func subcommands(_ help: String) -> [String] {
    guard let section = help.range(of: "SUBCOMMANDS:\n") else { return [] }
    let rows = help[section.upperBound...].components(separatedBy: "\n").filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
      .map { $0.trimmingCharacters(in: .whitespaces).components(separatedBy: "  ")[0] }
    let ordered = rows.filter { $0.hasSuffix(" (default)") } + rows.filter { !$0.hasSuffix(" (default)") }
    return ordered.map { $0.replacingOccurrences(of: " (default)", with: "") }.flatMap { $0.components(separatedBy: ", ") }
      .filter { $0.wholeMatch(of: /[a-z][a-z-]*/) != nil }
  }

  /// The option names a help text lists in its options column (`  --scale <scale>   …`, `  -h, --help   …`); the
  /// `USAGE:` line cannot serve, as it shortens to `[<options>]` when long.
  static func options(_ help: String) -> [String] {
    help.components(separatedBy: "\n").filter { $0.hasPrefix("  -") }  // description lines are indented further
      .flatMap { row in row.dropFirst(2).components(separatedBy: "  ")[0].split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init) }
      .filter { $0.hasPrefix("--") }
  }

  @Test("the parser reads sh blocks, continuations, comments and inline spans, and finds flags in synopses")
  func parser() {
    let text = """
      Run `workbench run SPEC [--out DIR]` or `swift test`.
      ```sh
      workbench cluster data.csv --id id \\
        --set k=3   # three
      swift run -c release workbench bench --quick
      swift test
      ```
      ```json
      {"x": "`workbench nothing`"}
      ```
      """
    let found = Self.commands(in: text)
    #expect(found.map(\.line) == [1, 3, 5])
    #expect(found.map(\.words) == [["run", "SPEC", "[--out", "DIR]"], ["cluster", "data.csv", "--id", "id", "--set", "k=3"], ["bench", "--quick"]])
    #expect(Self.flags("[--scale") == ["--scale"])
    #expect(Self.flags("none\\|standard]") == [])
    #expect(Self.subcommands("X\n\nSUBCOMMANDS:\n  show, list (default)    List.\n  check                   Check\n                          more.\n") == ["show", "list", "check"])
    let help = "OVERVIEW: see --quick.\n\nUSAGE: x [<options>]\n\nOPTIONS:\n  --jobs-total <n>        Jobs, e.g.\n                          --other.\n  -h, --help              Help.\n"
    #expect(Self.options(help) == ["--jobs-total", "--help"])
  }

  @Test("every workbench command the README shows exists, and every --flag it uses is one of that command's options")
  func commandsAndFlagsExist() throws {
    let commands = Self.commands(in: try String(contentsOf: Self.readme, encoding: .utf8))
    #expect(commands.count > 30, "README commands found: \(commands.count)")
    var helps: [[String]: CommandRunner.Output] = [:]
    func help(_ path: [String]) throws -> CommandRunner.Output {
      if let known = helps[path] { return known }
      let output = try CommandRunner.run(path + ["--help-hidden"])  // hidden options such as bench's --child included
      helps[path] = output
      return output
    }
    for command in commands {
      guard let name = command.words.first, name != "help" else { continue }
      var path = [name]
      let top = try help(path)
      guard top.status == 0 else {
        Issue.record("\(command): `workbench \(name)` is not a command: \(top.stderr)")
        continue
      }
      let subcommands = Self.subcommands(top.stdout)
      if command.words.count > 1, subcommands.contains(command.words[1]) {
        path.append(command.words[1])
      } else if top.stdout.contains(" (default)"), let fallback = subcommands.first {
        path.append(fallback)  // `workbench plugins NAME` is `workbench plugins show NAME`
      }
      let options = try help(path)
      #expect(options.status == 0, "\(command): \(options.stderr)")
      let known = Self.options(options.stdout)
      for flag in command.words.flatMap(Self.flags) where !known.contains(flag) {
        Issue.record("\(command): \(flag) is not an option of `workbench \(path.joined(separator: " "))`")
      }
    }
  }

  @Test("every command of `workbench --help` has a row in the README's commands table")
  func everyCommandDocumented() throws {
    let text = try String(contentsOf: Self.readme, encoding: .utf8)
    let tableCommands = Set(text.components(separatedBy: "\n").filter { $0.hasPrefix("| `workbench ") }.compactMap { row in
      Self.inlineCode(row).first.flatMap { Self.words($0).dropFirst().first }
    })
    let help = try CommandRunner.run(["--help"])
    #expect(help.status == 0)
    let listed = Self.subcommands(help.stdout).filter { $0 != "help" }
    #expect(listed.count > 10, "\(help.stdout)")
    for name in listed where !tableCommands.contains(name) {
      Issue.record("`workbench \(name)` has no row in README.md's commands table")
    }
  }
}
