import ArgumentParser
import WorkbenchKit

/// Rejects a first argument that names no command, before the parser sees the arguments.
///
/// Left to the parser, `workbench gaet --help` prints the root help and exits
/// 0, and `workbench gaet` says only "Unexpected argument"; both are usage
/// errors (exit 2) that should name the nearest commands. The root command
/// takes no positional arguments, so a first argument that is not an option
/// must be a command name (or an alias, or `help`).
enum UnknownCommand {
  /// The error for `arguments` (without the program name) when the first one is neither an option nor a command.
  static func error(in arguments: [String], commands: [any ParsableCommand.Type]) -> SpecError? {
    guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
    let names = commands.flatMap { [$0._commandName] + $0.configuration.aliases } + ["help"]
    guard !names.contains(first) else { return nil }
    let near = NameSuggestions.nearest(to: first, in: names)
    let hint = near.isEmpty ? "" : " Did you mean \(near.map { "'\($0)'" }.joined(separator: " or "))?"
    return SpecError(
      Location(), "'\(first)' is not a workbench command.\(hint)", fix: "use one of: \(names.joined(separator: ", ")) (see `workbench --help`).")
  }
}
