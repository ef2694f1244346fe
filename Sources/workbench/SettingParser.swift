import WorkbenchKit

/// Reads `--set NAME=VALUE` flags into parameter values.
enum SettingParser {
  /// Values that parse as JSON are taken as JSON (numbers, booleans, lists); others as strings.
  static func parse(_ settings: [String]) throws(SpecError) -> [String: JSONValue] {
    var out: [String: JSONValue] = [:]
    for setting in settings {
      guard let equals = setting.firstIndex(of: "="), equals != setting.startIndex else {
        throw SpecError(Location(file: "--set"), "'\(setting)' is not NAME=VALUE.", fix: "write e.g. --set k=4.")
      }
      let name = String(setting[..<equals])
      let text = String(setting[setting.index(after: equals)...])
      out[name] = (try? JSONParser.parse(text)) ?? .string(text)
    }
    return out
  }
}
