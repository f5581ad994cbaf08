import ProcDef
import YAMLTree

/// What an id in a definition names: the thing go-to-definition, find-references, hover and rename work on.
enum Symbol: Hashable, Sendable {
    /// A role of the catalogue (`process` nil) or one a process defines under its own `roles:`.
    case role(id: String, process: String?)
    case activity(id: String, process: String)
    /// A process of the repository, or one defined elsewhere (`kind: external-process`).
    case process(id: String)
    case policy(id: String)

    var id: String {
        switch self {
        case .role(let id, _), .activity(let id, _), .process(let id), .policy(let id): id
        }
    }

    /// How a hover or a rename names it: `role 'service-desk'`.
    var description: String {
        switch self {
        case .role(let id, nil): "role '\(id)'"
        case .role(let id, let process?): "role '\(id)' of process '\(process)'"
        case .activity(let id, let process): "activity '\(id)' of process '\(process)'"
        case .process(let id): "process '\(id)'"
        case .policy(let id): "policy '\(id)'"
        }
    }
}

/// One place an id is written: where it is defined, or where something refers to it.
struct SymbolOccurrence: Sendable {
    var symbol: Symbol
    var file: String
    var range: SourceRange
    var isDefinition: Bool
}

/// Every definition and reference of a role, activity, process or policy id in the workspace, read from the checked
/// model: each id keeps the place it was written. Kept per file, so that after an edit only the edited file's
/// occurrences are collected again (`ServerWorkspace.symbols()`).
struct SymbolIndex: Sendable {
    /// Per file, sorted by start offset.
    private(set) var occurrencesByFile: [String: [SymbolOccurrence]] = [:]

    init(files: [String: [SymbolOccurrence]] = [:]) {
        occurrencesByFile = files
    }

    /// What one file defines and refers to, sorted by place. `model` holds the file's documents.
    static func occurrences(in model: FileModel, workspace: Workspace) -> [SymbolOccurrence] {
        var builder = Builder(workspace: workspace)
        for catalogue in model.catalogues {
            for role in catalogue.roles {
                builder.add(.role(id: role.id.value, process: nil), role.id, in: catalogue.file, definition: true)
            }
        }
        for process in model.processes { builder.index(process) }
        for external in model.externalProcesses {
            builder.add(.process(id: external.id.value), external.id, in: external.file, definition: true)
            for role in [external.owner, external.receiver].compactMap({ $0 }) { builder.addCatalogueRole(role, in: external.file) }
        }
        for policy in model.policies {
            builder.add(.policy(id: policy.id.value), policy.id, in: policy.file, definition: true)
            for id in policy.appliesTo?.ids ?? [] { builder.add(.process(id: id.value), id, in: policy.file) }
            for selector in selectors(of: policy) {
                for role in [selector.responsible, selector.accountable, selector.informs, selector.consults].compactMap({ $0 }).joined() {
                    builder.addCatalogueRole(role, in: policy.file)
                }
            }
        }
        // A value read through a YAML alias has its anchor's place: one place, however many times it was read.
        var seen: Set<PlaceKey> = []
        return builder.occurrences.values.joined()
            .filter {
                seen.insert(PlaceKey(symbol: $0.symbol, file: $0.file, start: $0.range.start.offset, end: $0.range.end.offset)).inserted
            }
            .sorted { $0.range.start.offset < $1.range.start.offset }
    }

    private struct PlaceKey: Hashable {
        var symbol: Symbol
        var file: String
        var start: Int
        var end: Int
    }

    /// The documents of one file.
    struct FileModel {
        var catalogues: [RoleCatalogue] = []
        var processes: [ProcessDefinition] = []
        var policies: [Policy] = []
        var externalProcesses: [ExternalProcess] = []

        /// The workspace's documents, by file.
        static func byFile(_ workspace: Workspace) -> [String: FileModel] {
            var models: [String: FileModel] = [:]
            for catalogue in workspace.catalogues { models[catalogue.file, default: FileModel()].catalogues.append(catalogue) }
            for process in workspace.processes { models[process.file, default: FileModel()].processes.append(process) }
            for policy in workspace.policies { models[policy.file, default: FileModel()].policies.append(policy) }
            for external in workspace.externalProcesses { models[external.file, default: FileModel()].externalProcesses.append(external) }
            return models
        }
    }

    /// The activity selectors of a policy (its conditions' and its requirements'), whose role keys name catalogue
    /// roles.
    private static func selectors(of policy: Policy) -> [ActivitySelector] {
        var selectors: [ActivitySelector] = []
        for condition in [policy.when, policy.unless].compactMap({ $0 }) {
            if case .passes(let selector) = condition.event { selectors.append(selector) }
        }
        for requirement in policy.requirements {
            switch requirement.value {
            case .exists(let selector), .visits(let selector): selectors.append(selector)
            case .before(let first, let then): selectors += [first, then]
            case .all(let of, let match): selectors += [of, match]
            case .separate(let first, let second): selectors += [first, second]
            case .processHas, .max: break
            }
        }
        return selectors
    }

    /// The occurrence whose id covers the byte `offset` of `file` (the end included, where a cursor sits after typing).
    func occurrence(in file: String, at offset: Int) -> SymbolOccurrence? {
        occurrencesByFile[file]?.first { $0.range.start.offset <= offset && offset <= $0.range.end.offset }
    }

    /// Every occurrence of `symbol`, sorted by file then position.
    func occurrences(of symbol: Symbol) -> [SymbolOccurrence] {
        occurrencesByFile.keys.sorted().flatMap { file in occurrencesByFile[file, default: []].filter { $0.symbol == symbol } }
    }

    func definitions(of symbol: Symbol) -> [SymbolOccurrence] { occurrences(of: symbol).filter(\.isDefinition) }

    /// Collects the occurrences, resolving each role id as the checker does: a process's own role first.
    private struct Builder {
        let workspace: Workspace
        var occurrences: [String: [SymbolOccurrence]] = [:]

        mutating func add(_ symbol: Symbol, _ id: Located<String>, in file: String, definition: Bool = false) {
            // A value decoded from an alias has its anchor's place; an id written nowhere has no range to show.
            guard id.range.end.offset > id.range.start.offset else { return }
            occurrences[file, default: []].append(SymbolOccurrence(symbol: symbol, file: file, range: id.range, isDefinition: definition))
        }

        mutating func addCatalogueRole(_ id: Located<String>, in file: String) {
            add(.role(id: id.value, process: nil), id, in: file)
        }

        mutating func index(_ process: ProcessDefinition) {
            let processID = process.id.value
            let file = process.file
            add(.process(id: processID), process.id, in: file, definition: true)
            func role(_ id: Located<String>) {
                add(.role(id: id.value, process: process.localRole(id.value) == nil ? nil : processID), id, in: file)
            }
            func activity(_ id: Located<String>) { add(.activity(id: id.value, process: processID), id, in: file) }
            for local in process.roles { add(.role(id: local.id.value, process: processID), local.id, in: file, definition: true) }
            let roleFields = [
                process.owner, process.manager, process.caseOwner, process.requester, process.defaultAccountable,
                process.governance.approvedBy,
            ]
            for id in roleFields.compactMap({ $0 }) { role(id) }
            for step in process.activities {
                add(.activity(id: step.id.value, process: processID), step.id, in: file, definition: true)
                for id in step.responsible + step.accountable + step.consulted + step.informed { role(id) }
                // A conditional entry (`{role, when}`) is in the RACI lists too: its role is indexed there.
                for id in [step.otherPersonThan, step.samePersonAs, step.until].compactMap({ $0 }) { activity(id) }
                if let handoff = step.handoff { handoff.informed.forEach(role) }
                switch step.next {
                case .single(let target): activity(target)
                case .branches(let branches, _): indexBranches(branches)
                case .fork(let fork): indexBranches(fork.branches)
                case nil: break
                }
                func indexBranches(_ branches: [Branch]) {
                    for branch in branches {
                        if let to = branch.to { activity(to) }
                        branch.handoff?.informed.forEach(role)
                        if let fork = branch.fork { indexBranches(fork.branches) }
                    }
                }
                for timeout in step.timeouts {
                    for id in [timeout.to, timeout.from].compactMap({ $0 }) { activity(id) }
                    timeout.handoff?.informed.forEach(role)
                }
                for trigger in step.triggers {
                    add(.process(id: trigger.process.value), trigger.process, in: file)
                    if let entry = trigger.activity { add(.activity(id: entry.value, process: trigger.process.value), entry, in: file) }
                    trigger.handoff?.informed.forEach(role)
                }
            }
            for cancellation in process.cancellations {
                activity(cancellation.to)
                (cancellation.from ?? []).forEach(activity)
                cancellation.handoff?.informed.forEach(role)
            }
            for target in process.targets {
                for end in [target.from, target.to].compactMap({ $0 }) { activity(end.activity) }
            }
            for policy in process.policies { add(.policy(id: policy.value), policy, in: file) }
            for waiver in process.waivers {
                add(.policy(id: waiver.policy.value), waiver.policy, in: file)
                if let approver = waiver.approvedBy { role(approver) }
            }
        }
    }
}
