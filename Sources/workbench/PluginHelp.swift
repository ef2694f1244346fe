import WorkbenchKit

/// Help text for plugins, generated from their declarations.
enum PluginHelp {
  /// Every plugin by role, one line each.
  static func list(_ registry: PluginRegistry) -> String {
    var out = ""
    for kind in PluginKind.allCases {
      let plugins = registry.allPlugins.filter { $0.kind == kind }
      guard !plugins.isEmpty else { continue }
      out += "\(kind.plural.capitalized):\n"
      let width = plugins.map(\.name.count).max() ?? 0
      for plugin in plugins {
        let external = plugin.origin.map { $0.unavailableReason == nil ? " [external]" : " [external; cannot run here]" } ?? ""
        out += "  " + plugin.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + plugin.summary + external + "\n"
      }
      out += "\n"
    }
    return out + "Run `workbench plugins NAME` for a plugin's parameters.\n"
  }

  /// One plugin: summary, role facts and a parameter table.
  static func show(_ plugin: any PluginDescriptor) -> String {
    var out = "\(plugin.name) (\(plugin.kind.rawValue)): \(plugin.summary)\n"
    if let metric = plugin as? MetricDescriptor {
      out += "  \(metric.direction == .higherIsBetter ? "higher is better" : "lower is better")"
      if let b = metric.bounds { out += "; values in [\(JSONNumber.format(b.lowerBound)), \(JSONNumber.format(b.upperBound))]" }
      out += "\n"
    }
    if let algorithm = plugin as? AlgorithmDescriptor {
      let c = algorithm.capabilities
      let facts = [
        c.usesRandomness ? "seeded (results depend on the trial seed)" : "deterministic",
        c.producesNoise ? "may label noise as -1" : nil, c.canPredict ? "can label new rows" : nil,
        c.requiresCategorical ? "needs categorical features" : nil,
        c.scalesQuadratically ? "time and memory grow with the square of the rows by default" : nil,
        c.reportsLikelihood ? "reports its log-likelihood (BIC and AIC by default)" : nil,
      ].compactMap { $0 }
      out += "  " + facts.joined(separator: "; ") + "\n"
    }
    if let origin = plugin.origin {
      out += "  external plugin (protocol v1): \(origin.manifest)\n  command: \(origin.command.joined(separator: " ")); timeout \(JSONNumber.plain(origin.timeoutSeconds)) s\n"
      out += "  fingerprint (enters config hashes): \(origin.fingerprint)\n"
      if let reason = origin.unavailableReason { out += "  cannot run here: \(reason)\n" }
    }
    guard !plugin.parameters.isEmpty else { return out + "\nNo parameters.\n" }
    out += "\nParameters:\n"
    for spec in plugin.parameters {
      let value = spec.defaultValue.map { "default \($0.canonicalText)" } ?? "required"
      out += "  \(spec.name)  (\(spec.kind.phrase); \(value))\n      \(spec.summary)\n"
    }
    return out
  }
}
