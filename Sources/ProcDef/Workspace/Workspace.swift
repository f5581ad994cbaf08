/// Every file read, decoded and linked: the checked model that rules and emitters read.
public struct Workspace: Sendable {
    /// Every file read, sorted by path.
    public var sources: [SourceFile]
    public var catalogues: [RoleCatalogue] {
        didSet { rebuildCatalogueIndex() }
    }
    /// Sorted by id.
    public var processes: [ProcessDefinition] {
        didSet { processPositions = Self.firstPositions(of: processes.map(\.id.value)) }
    }
    /// Sorted by id.
    public var policies: [Policy] {
        didSet { policyPositions = Self.firstPositions(of: policies.map(\.id.value)) }
    }
    public var configs: [Config]
    /// Processes defined elsewhere (`kind: external-process`), sorted by id.
    public var externalProcesses: [ExternalProcess] {
        didSet { externalPositions = Self.firstPositions(of: externalProcesses.map(\.id.value)) }
    }
    /// Findings of reading, decoding and linking, sorted with `Diagnostic.precedes`.
    public var diagnostics: [Diagnostic]
    /// Whether files were named one by one (`procdef check Processes/incident.yaml`) rather than folders walked: a part of
    /// the repository, where the rules about the catalogue as a whole (`CatalogueRoleUse`) stay silent.
    public var isPartial = false
    /// Inline suppressions per file path, applied by `Checker` after every rule ran.
    package var suppressions: [String: [InlineSuppression]] = [:]

    /// Catalogue role id -> the role (the first definition, if the id is duplicated).
    public private(set) var catalogueRoles: [String: Role] = [:]
    /// The same roles, for the lookups rules make many times per step.
    package private(set) var catalogueTable = IDTable<Role>([:])
    /// Catalogue role id -> its place in the catalogues, in the order they list roles (the first definition's place
    /// if the id is duplicated): the order of diagram lanes and RACI columns.
    package private(set) var cataloguePositions: [String: Int] = [:]
    private var processPositions: [String: Int] = [:]
    private var policyPositions: [String: Int] = [:]
    private var externalPositions: [String: Int] = [:]

    public init(
        sources: [SourceFile] = [], catalogues: [RoleCatalogue] = [], processes: [ProcessDefinition] = [], policies: [Policy] = [],
        configs: [Config] = [], externalProcesses: [ExternalProcess] = [], diagnostics: [Diagnostic] = []
    ) {
        self.sources = sources
        self.catalogues = catalogues
        self.processes = processes
        self.policies = policies
        self.configs = configs
        self.externalProcesses = externalProcesses
        self.diagnostics = diagnostics
        rebuildCatalogueIndex()
        processPositions = Self.firstPositions(of: processes.map(\.id.value))
        policyPositions = Self.firstPositions(of: policies.map(\.id.value))
        externalPositions = Self.firstPositions(of: externalProcesses.map(\.id.value))
    }

    /// The role a process means by `id`: its own local role, else the catalogue's.
    public func role(_ id: String, in process: ProcessDefinition) -> Role? {
        process.localRole(id) ?? catalogueRoles[id]
    }

    /// Every role id a process can refer to, sorted: the catalogue's and its own.
    public func roleIDs(visibleIn process: ProcessDefinition) -> [String] {
        Set(catalogueRoles.keys).union(process.roles.map(\.id.value)).sorted()
    }

    /// The process with this id (the first, if the id is duplicated).
    public func process(id: String) -> ProcessDefinition? {
        processPositions[id].map { processes[$0] }
    }

    /// The process defined elsewhere with this id (the first, if the id is duplicated); nil when a process of the
    /// repository has the id (`schema/duplicate-id`): the local one is what a trigger starts.
    public func externalProcess(id: String) -> ExternalProcess? {
        guard processPositions[id] == nil else { return nil }
        return externalPositions[id].map { externalProcesses[$0] }
    }

    /// The policy with this id (the first, if the id is duplicated).
    public func policy(id: String) -> Policy? {
        policyPositions[id].map { policies[$0] }
    }

    private mutating func rebuildCatalogueIndex() {
        var roles: [String: Role] = [:]
        for role in catalogues.lazy.flatMap(\.roles) where roles[role.id.value] == nil { roles[role.id.value] = role }
        catalogueRoles = roles
        catalogueTable = IDTable(roles)
        cataloguePositions = Self.firstPositions(of: catalogues.flatMap { $0.roles.map(\.id.value) })
    }

    private static func firstPositions(of ids: [String]) -> [String: Int] {
        var positions: [String: Int] = [:]
        for (index, id) in ids.enumerated() where positions[id] == nil { positions[id] = index }
        return positions
    }
}
