import YAMLTree

/// The second half of loading: puts the decoded files together, then reports what only the whole repository shows,
/// duplicate ids across files and references to things defined nowhere.
struct WorkspaceLinker {
    private(set) var diagnostics: [Diagnostic] = []

    static func link(sources: [SourceFile], decoded: [DecodedFile]) -> Workspace {
        var linker = WorkspaceLinker()
        // Files in path order and documents in source order decide which of two duplicates is "the first".
        let files = decoded.sorted { $0.file < $1.file }
        let catalogues = files.flatMap(\.catalogues)
        let processes = files.flatMap(\.processes)
        let policies = files.flatMap(\.policies)
        linker.diagnostics = files.flatMap(\.diagnostics)

        linker.reportDuplicates(catalogues.flatMap(\.roles), what: "role", id: \.id, file: \.file, suffix: " in the catalogue")
        linker.reportDuplicates(processes, what: "process", id: \.id, file: \.file)
        linker.reportDuplicates(policies, what: "policy", id: \.id, file: \.file)

        var workspace = Workspace(
            sources: sources.sorted { $0.path < $1.path },
            catalogues: catalogues,
            processes: Self.sortedByID(processes, id: \.id.value, file: \.file, range: \.range),
            policies: Self.sortedByID(policies, id: \.id.value, file: \.file, range: \.range),
            configs: files.flatMap(\.configs)
        )
        // What one process refers to is checked on its own, so processes are checked in parallel.
        let linked = workspace
        let perProcess = workspace.processes.parallelMap { process in
            var linker = WorkspaceLinker()
            linker.reportDuplicates(process.activities, what: "activity", id: \.id, file: { _ in process.file }, suffix: " in process \(Quoting.quoted(process.id.value))")
            linker.reportLocalRolesRedefiningCatalogue(process, in: linked)
            linker.checkReferences(of: process, in: linked)
            return linker.diagnostics
        }
        for diagnostics in perProcess where !diagnostics.isEmpty {
            linker.diagnostics.append(contentsOf: diagnostics)
        }
        workspace.diagnostics = Self.unique(linker.diagnostics.sorted(by: Diagnostic.precedes))
        for file in files where !file.suppressions.isEmpty {
            workspace.suppressions[file.file] = file.suppressions
        }
        return workspace
    }

    private static func sortedByID<T>(_ values: [T], id: (T) -> String, file: (T) -> String, range: (T) -> SourceRange) -> [T] {
        values.sorted { a, b in
            if id(a) != id(b) { return id(a) < id(b) }
            if file(a) != file(b) { return file(a) < file(b) }
            return range(a).start < range(b).start
        }
    }

    /// Drops exact repeats, keeping the order: a node reached through several aliases is decoded once per alias, and
    /// the same finding at the anchor's position would otherwise be reported once for each.
    static func unique(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen: Set<Diagnostic> = []
        return diagnostics.filter { seen.insert($0).inserted }
    }

    static func location(_ file: String, _ range: SourceRange) -> String {
        "\(file):\(range.start.line):\(range.start.column)"
    }

    private mutating func report(_ rule: any Rule.Type, file: String, at range: SourceRange, _ message: String, help: String? = nil, notes: [Diagnostic.Note] = []) {
        diagnostics.append(rule.diagnostic(file: file, range: range, message: message, help: help, notes: notes))
    }

    // MARK: Duplicates

    /// Reports every definition after the first of the same id, in the order given.
    private mutating func reportDuplicates<T>(_ values: [T], what: String, id: (T) -> Located<String>, file: (T) -> String, suffix: String = "") {
        var first: [String: (file: String, range: SourceRange)] = [:]
        for value in values {
            let valueID = id(value)
            guard !valueID.value.isEmpty else { continue }
            guard let earlier = first[valueID.value] else {
                first[valueID.value] = (file(value), valueID.range)
                continue
            }
            report(
                DuplicateID.self, file: file(value), at: valueID.range,
                "\(what) \(Quoting.quoted(valueID.value)) is already defined\(suffix) at \(Self.location(earlier.file, earlier.range))",
                notes: [Diagnostic.Note(message: "\(what) \(Quoting.quoted(valueID.value)) first defined here", file: earlier.file, range: earlier.range)]
            )
        }
    }

    private mutating func reportLocalRolesRedefiningCatalogue(_ process: ProcessDefinition, in workspace: Workspace) {
        for role in process.roles {
            guard let catalogueRole = workspace.catalogueRoles[role.id.value] else { continue }
            report(
                DuplicateID.self, file: process.file, at: role.id.range,
                "role \(Quoting.quoted(role.id.value)) is already defined in the catalogue at \(Self.location(catalogueRole.file, catalogueRole.id.range)); a local role may not redefine a catalogue role",
                help: "use the catalogue role, or give the local role an id of its own",
                notes: [Diagnostic.Note(message: "catalogue role \(Quoting.quoted(role.id.value)) defined here", file: catalogueRole.file, range: catalogueRole.id.range)]
            )
        }
    }

    // MARK: References

    private mutating func checkReferences(of process: ProcessDefinition, in workspace: Workspace) {
        // Places are worded only for a reference that fails: nearly all of them resolve.
        let processID = process.id.value
        var processName: String { "process \(Quoting.quoted(processID))" }
        // Messages and suggestion lists are built only for a reference that fails: nearly all of them resolve.
        var roleIDs: [String]?
        func checkRoles(_ ids: [Located<String>], _ place: @autoclosure () -> String) {
            for id in ids where Identifier.isValid(id.value) && workspace.role(id.value, in: process) == nil {
                let visible = roleIDs ?? workspace.roleIDs(visibleIn: process)
                roleIDs = visible
                let place = place()
                let help = Suggestion.didYouMean(id.value, among: visible)
                    ?? "define it in a role catalogue (kind: roles) or under 'roles:' of \(processName)"
                report(UnknownRole.self, file: process.file, at: id.range, "unknown role \(Quoting.quoted(id.value)) in \(place)", help: help)
            }
        }
        func checkHandoff(_ handoff: Handoff?, _ place: @autoclosure () -> String) {
            if let handoff { checkRoles(handoff.informed, "'informed' of \(place())") }
        }

        checkRoles(process.owner.map { [$0] } ?? [], "'owner' of \(processName)")
        checkRoles(process.manager.map { [$0] } ?? [], "'manager' of \(processName)")
        checkRoles(process.caseOwner.map { [$0] } ?? [], "'case-owner' of \(processName)")
        checkRoles(process.defaultAccountable.map { [$0] } ?? [], "'accountable' of the defaults of \(processName)")

        for activity in process.activities {
            let activityID = activity.id.value
            var activityName: String { "activity \(Quoting.quoted(activityID))" }
            checkRoles(activity.responsible, "'responsible' of \(activityName)")
            checkRoles(activity.accountable, "'accountable' of \(activityName)")
            checkRoles(activity.consulted, "'consulted' of \(activityName)")
            checkRoles(activity.informed, "'informed' of \(activityName)")
            checkHandoff(activity.handoff, "the handoff of \(activityName)")
            switch activity.next {
            case .single(let target):
                checkActivity(target, of: process, "'next' of \(activityName)")
            case .branches(let branches, _):
                for branch in branches {
                    checkActivity(branch.to, of: process, "'next' of \(activityName)")
                    checkHandoff(branch.handoff, "the handoff to \(Quoting.quoted(branch.to.value)) of \(activityName)")
                }
            case nil:
                break
            }
            for trigger in activity.triggers {
                checkTrigger(trigger, in: process, activityName: activityName, workspace: workspace)
                checkHandoff(trigger.handoff, "the handoff to process \(Quoting.quoted(trigger.process.value)) of \(activityName)")
            }
        }

        for policy in process.policies {
            checkPolicy(policy, "'policies' of \(processName)", in: process, workspace: workspace)
        }
        for waiver in process.waivers {
            checkPolicy(waiver.policy, "a waiver of \(processName)", in: process, workspace: workspace)
        }
    }

    private mutating func checkActivity(_ target: Located<String>, of process: ProcessDefinition, _ place: @autoclosure () -> String) {
        guard Identifier.isValid(target.value), process.activityIndex(target.value) == nil else { return }
        let place = place()
        let help = Suggestion.didYouMean(target.value, among: process.activities.map(\.id.value))
            ?? "process \(Quoting.quoted(process.id.value)) has no activity with this id; to start another process, use 'triggers:'"
        report(UnknownActivity.self, file: process.file, at: target.range, "unknown activity \(Quoting.quoted(target.value)) in \(place)", help: help)
    }

    private mutating func checkTrigger(_ trigger: Trigger, in process: ProcessDefinition, activityName: @autoclosure () -> String, workspace: Workspace) {
        guard Identifier.isValid(trigger.process.value) else { return }
        var place: String { "the trigger of \(activityName())" }
        guard let target = workspace.process(id: trigger.process.value) else {
            let help = Suggestion.didYouMean(trigger.process.value, among: workspace.processes.map(\.id.value))
                ?? "check the process id, and check the whole repository at once so that every process is known"
            report(UnknownProcess.self, file: process.file, at: trigger.process.range, "unknown process \(Quoting.quoted(trigger.process.value)) in \(place)", help: help)
            return
        }
        guard let entry = trigger.activity, Identifier.isValid(entry.value), target.activityIndex(entry.value) == nil else { return }
        let help = Suggestion.didYouMean(entry.value, among: target.activities.map(\.id.value))
            ?? "leave out 'activity' to start process \(Quoting.quoted(target.id.value)) at its first activity"
        report(UnknownProcess.self, file: process.file, at: entry.range, "unknown activity \(Quoting.quoted(entry.value)) of process \(Quoting.quoted(target.id.value)) in \(place)", help: help)
    }

    private mutating func checkPolicy(_ id: Located<String>, _ place: String, in process: ProcessDefinition, workspace: Workspace) {
        guard Identifier.isValid(id.value), workspace.policy(id: id.value) == nil else { return }
        let help = Suggestion.didYouMean(id.value, among: workspace.policies.map(\.id.value))
            ?? "check the policy id, and check the policies together with the processes"
        report(UnknownPolicy.self, file: process.file, at: id.range, "unknown policy \(Quoting.quoted(id.value)) in \(place)", help: help)
    }
}
