extension PluginRegistry {
  /// The plugins that ship with the workbench.
  public static let builtIn: PluginRegistry = {
    do {
      return try PluginRegistry(preprocessors: [StandardScaler.self, Impute.self], algorithms: [], metrics: [])
    } catch {
      preconditionFailure("\(error)")
    }
  }()
}
