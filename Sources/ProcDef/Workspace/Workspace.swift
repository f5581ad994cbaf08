/// Every file read, decoded and linked: the checked model that rules and emitters read.
public struct Workspace: Sendable {
    /// Every file read, sorted by path.
    public var sources: [SourceFile]
    public var catalogues: [RoleCatalogue]
    /// Sorted by id.
    public var processes: [ProcessDefinition]
    /// Sorted by id.
    public var policies: [Policy]
    public var configs: [Config]
    /// Findings of reading, decoding and linking, sorted with `Diagnostic.precedes`.
    public var diagnostics: [Diagnostic]

    public init(sources: [SourceFile] = [], catalogues: [RoleCatalogue] = [], processes: [ProcessDefinition] = [], policies: [Policy] = [], configs: [Config] = [], diagnostics: [Diagnostic] = []) {
        self.sources = sources
        self.catalogues = catalogues
        self.processes = processes
        self.policies = policies
        self.configs = configs
        self.diagnostics = diagnostics
    }
}
