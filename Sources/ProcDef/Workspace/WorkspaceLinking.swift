import YAMLTree

/// The second half of loading: puts the decoded files together, then reports what only the whole repository shows,
/// duplicate ids across files and references to things defined nowhere.
struct WorkspaceLinker {
    private(set) var diagnostics: [Diagnostic] = []

    static func link(sources: [SourceFile], decoded: [DecodedFile]) -> Workspace {
        let assembled = assemble(sources: sources, decoded: decoded)
        return assembled.finished(processFindings: processFindings(in: assembled.workspace, reusing: []))
    }

    /// The files put together, with the findings about the repository as a whole (duplicate ids across files), before
    /// each process's references are checked.
    struct Assembled {
        var workspace: Workspace
        var linker: WorkspaceLinker
        var files: [DecodedFile]

        /// The workspace with every finding of reading, decoding and linking, given each process's own
        /// (`processFindings`, in the order of `workspace.processes`).
        func finished(processFindings: [[Diagnostic]]) -> Workspace {
            var linker = linker
            var workspace = workspace
            for external in workspace.externalProcesses {
                linker.checkReferences(of: external, in: workspace)
            }
            for diagnostics in processFindings where !diagnostics.isEmpty {
                linker.diagnostics.append(contentsOf: diagnostics)
            }
            workspace.diagnostics = WorkspaceLinker.unique(linker.diagnostics.sorted(by: Diagnostic.precedes))
            for file in files where !file.suppressions.isEmpty {
                workspace.suppressions[file.file] = file.suppressions
            }
            return workspace
        }
    }

    static func assemble(sources: [SourceFile], decoded: [DecodedFile]) -> Assembled {
        var linker = WorkspaceLinker()
        // Files in path order and documents in source order decide which of two duplicates is "the first".
        let files = decoded.sorted { $0.file < $1.file }
        let catalogues = files.flatMap(\.catalogues)
        let processes = files.flatMap(\.processes)
        let policies = files.flatMap(\.policies)
        let externalProcesses = files.flatMap(\.externalProcesses)
        linker.diagnostics = files.flatMap(\.diagnostics)

        linker.reportDuplicates(catalogues.flatMap(\.roles), what: "role", id: \.id, file: \.file, suffix: " in the catalogue") {
            FindingSubjects(roles: [$0])
        }
        // A process defined elsewhere shares the process id space: a trigger names either kind by the same id.
        let processIDs = files.flatMap { file in
            (file.processes.map { (id: $0.id, range: $0.range) } + file.externalProcesses.map { (id: $0.id, range: $0.range) })
                .sorted { $0.range.start < $1.range.start }
                .map { (id: $0.id, file: file.file) }
        }
        linker.reportDuplicates(processIDs, what: "process", id: \.id, file: \.file) { FindingSubjects(process: $0) }
        linker.reportDuplicates(policies, what: "policy", id: \.id, file: \.file) { FindingSubjects(policy: $0) }

        let workspace = Workspace(
            sources: sources.sorted { $0.path < $1.path },
            catalogues: catalogues,
            processes: Self.sortedByID(processes, id: \.id.value, file: \.file, range: \.range),
            policies: Self.sortedByID(policies, id: \.id.value, file: \.file, range: \.range),
            configs: files.flatMap(\.configs),
            externalProcesses: Self.sortedByID(externalProcesses, id: \.id.value, file: \.file, range: \.range)
        )
        return Assembled(workspace: workspace, linker: linker, files: files)
    }

    /// What each process refers to, checked on its own (so in parallel), in the order of `workspace.processes`;
    /// `reused` holds the findings of the processes the caller knows are unchanged.
    static func processFindings(in workspace: Workspace, reusing reused: [[Diagnostic]?]) -> [[Diagnostic]] {
        Array(workspace.processes.indices).parallelMap { index in
            if index < reused.count, let findings = reused[index] { return findings }
            let process = workspace.processes[index]
            var linker = WorkspaceLinker()
            linker.reportDuplicates(
                process.activities, what: "activity", id: \.id, file: { _ in process.file },
                suffix: " in process \(Quoting.quoted(process.id.value))"
            ) {
                FindingSubjects(process: process.id.value, activities: [$0])
            }
            linker.reportDuplicates(
                process.priorities, what: "priority", id: { $0 }, file: { _ in process.file },
                suffix: " in process \(Quoting.quoted(process.id.value))"
            ) { _ in FindingSubjects(process: process.id.value) }
            linker.reportDuplicates(
                process.targets, what: "target", id: \.id, file: { _ in process.file },
                suffix: " in process \(Quoting.quoted(process.id.value))"
            ) { _ in FindingSubjects(process: process.id.value) }
            linker.reportLocalRolesRedefiningCatalogue(process, in: workspace)
            linker.checkReferences(of: process, in: workspace)
            linker.checkPriorities(of: process)
            return linker.diagnostics
        }
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

    private mutating func report(
        _ rule: any Rule.Type, file: String, at range: SourceRange, _ message: String, help: String? = nil, notes: [Diagnostic.Note] = [],
        subjects: FindingSubjects = FindingSubjects(), fixes: [Fix] = []
    ) {
        var diagnostic = rule.diagnostic(file: file, range: range, message: message, help: help, notes: notes, subjects: subjects)
        diagnostic.fixes = fixes
        diagnostics.append(diagnostic)
    }

    /// The did-you-mean of a reference to nothing, and the fix that writes it: unsafe, since a wrong guess would
    /// silently give the work to someone else or send the case elsewhere. None for a guess YAML would read as
    /// something other than text once written plain (`true`, `null`).
    static func guess(_ reference: Located<String>, among candidates: [String], in file: String) -> (help: String, fixes: [Fix])? {
        guard let match = Suggestion.closest(to: reference.value, among: candidates) else { return nil }
        let help = "did you mean '\(match)'?"
        guard !["null", "true", "false", "yes", "no", "on", "off"].contains(match.lowercased()) else { return (help, []) }
        // Only an id written on its own, plain or in quotes: the range of a block text (`|-`) runs to the next line,
        // and that of a value with an anchor or a tag starts at them, which the replacement would delete.
        let written = reference.range.end.offset - reference.range.start.offset
        let length = reference.value.utf8.count
        guard reference.range.start.line == reference.range.end.line, written == length || written == length + 2 else { return (help, []) }
        let fix = Fix.replace(
            reference.range, in: file, with: match, description: "Replace '\(reference.value)' with '\(match)'", applicability: .unsafe)
        return (help, [fix])
    }

    // MARK: Duplicates

    /// Reports every definition after the first of the same id, in the order given.
    /// `subjects` names the duplicated id as what the finding is about (a process, a role, an activity of a process).
    private mutating func reportDuplicates<T>(
        _ values: [T], what: String, id: (T) -> Located<String>, file: (T) -> String, suffix: String = "",
        subjects: (String) -> FindingSubjects
    ) {
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
                notes: [
                    Diagnostic.Note(
                        message: "\(what) \(Quoting.quoted(valueID.value)) first defined here", file: earlier.file, range: earlier.range)
                ],
                subjects: subjects(valueID.value)
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
                notes: [
                    Diagnostic.Note(
                        message: "catalogue role \(Quoting.quoted(role.id.value)) defined here", file: catalogueRole.file,
                        range: catalogueRole.id.range)
                ],
                subjects: FindingSubjects(process: process.id.value, roles: [role.id.value])
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
        // `activity` is the activity whose lists (or handoffs) name the roles, nil for the process's own fields.
        func checkRoles(_ ids: [Located<String>], of activity: String? = nil, _ place: @autoclosure () -> String) {
            for id in ids where Identifier.isValid(id.value) && workspace.role(id.value, in: process) == nil {
                let visible = roleIDs ?? workspace.roleIDs(visibleIn: process)
                roleIDs = visible
                let place = place()
                let guess = Self.guess(id, among: visible, in: process.file)
                let help = guess?.help ?? "define it in a role catalogue (kind: roles) or under 'roles:' of \(processName)"
                let subjects = FindingSubjects(process: processID, activities: activity.map { [$0] } ?? [], roles: [id.value])
                report(
                    UnknownRole.self, file: process.file, at: id.range, "unknown role \(Quoting.quoted(id.value)) in \(place)", help: help,
                    subjects: subjects, fixes: guess?.fixes ?? [])
            }
        }
        func checkHandoff(_ handoff: Handoff?, of activity: String?, _ place: @autoclosure () -> String) {
            if let handoff { checkRoles(handoff.informed, of: activity, "'informed' of \(place())") }
        }

        checkRoles(process.owner.map { [$0] } ?? [], "'owner' of \(processName)")
        checkRoles(process.manager.map { [$0] } ?? [], "'manager' of \(processName)")
        checkRoles(process.caseOwner.map { [$0] } ?? [], "'case-owner' of \(processName)")
        checkRoles(process.governance.approvedBy.map { [$0] } ?? [], "'approved-by' of \(processName)")
        checkRoles(process.requester.map { [$0] } ?? [], "'requester' of \(processName)")
        checkRoles(process.defaultAccountable.map { [$0] } ?? [], "'accountable' of the defaults of \(processName)")

        for activity in process.activities {
            let activityID = activity.id.value
            var activityName: String { "activity \(Quoting.quoted(activityID))" }
            checkRoles(activity.responsible, of: activityID, "'responsible' of \(activityName)")
            checkRoles(activity.accountable, of: activityID, "'accountable' of \(activityName)")
            checkRoles(activity.consulted, of: activityID, "'consulted' of \(activityName)")
            checkRoles(activity.informed, of: activityID, "'informed' of \(activityName)")
            checkHandoff(activity.handoff, of: activityID, "the handoff of \(activityName)")
            if let other = activity.otherPersonThan {
                checkActivity(other, of: process, from: activityID, "'other-person-than' of \(activityName)", isTransition: false)
            }
            if let same = activity.samePersonAs {
                checkActivity(same, of: process, from: activityID, "'same-person-as' of \(activityName)", isTransition: false)
            }
            switch activity.next {
            case .single(let target):
                checkActivity(target, of: process, from: activityID, "'next' of \(activityName)")
            case .branches(let branches, _):
                checkBranches(branches, "'next' of \(activityName)")
            case .fork(let fork):
                checkBranches(fork.branches, "the fork of \(activityName)")
            case nil:
                break
            }
            func checkBranches(_ branches: [Branch], _ place: String) {
                for branch in branches {
                    if let to = branch.to {
                        checkActivity(to, of: process, from: activityID, place)
                        checkHandoff(branch.handoff, of: activityID, "the handoff to \(Quoting.quoted(to.value)) of \(activityName)")
                    } else {
                        checkHandoff(branch.handoff, of: activityID, "the handoff of a fork branch of \(activityName)")
                    }
                    if let fork = branch.fork { checkBranches(fork.branches, "the fork of \(activityName)") }
                }
            }
            for timeout in activity.timeouts {
                if let to = timeout.to {
                    checkActivity(to, of: process, from: activityID, "the timeout of \(activityName)")
                    checkHandoff(
                        timeout.handoff, of: activityID, "the handoff of the timeout to \(Quoting.quoted(to.value)) of \(activityName)")
                }
                if let from = timeout.from {
                    checkActivity(from, of: process, from: activityID, "'from' of a timeout of \(activityName)", isTransition: false)
                }
            }
            if let until = activity.until {
                checkActivity(until, of: process, from: activityID, "'until' of \(activityName)", isTransition: false)
            }
            for trigger in activity.triggers {
                checkTrigger(trigger, in: process, from: activityID, activityName: activityName, workspace: workspace)
                checkHandoff(
                    trigger.handoff, of: activityID, "the handoff to process \(Quoting.quoted(trigger.process.value)) of \(activityName)")
            }
        }

        for cancellation in process.cancellations {
            let place = "the cancellation to \(Quoting.quoted(cancellation.to.value))"
            checkActivity(cancellation.to, of: process, from: nil, "'to' of a cancellation of \(processName)")
            for source in cancellation.from ?? [] {
                checkActivity(source, of: process, from: nil, "'from' of \(place)")
            }
            checkHandoff(cancellation.handoff, of: nil, "the handoff of \(place)")
        }

        for policy in process.policies {
            checkPolicy(policy, "'policies' of \(processName)", in: process, waiver: false, workspace: workspace)
        }
        for waiver in process.waivers {
            checkPolicy(waiver.policy, "a waiver of \(processName)", in: process, waiver: true, workspace: workspace)
            if let approver = waiver.approvedBy {
                checkRoles([approver], "'approved-by' of the waiver for policy \(Quoting.quoted(waiver.policy.value))")
            }
        }
    }

    /// `owner` and `receiver` of a process defined elsewhere name roles of this repository's catalogue.
    private mutating func checkReferences(of external: ExternalProcess, in workspace: Workspace) {
        let name = "external process \(Quoting.quoted(external.id.value))"
        for (key, id) in [("owner", external.owner), ("receiver", external.receiver)] {
            guard let id, Identifier.isValid(id.value), workspace.catalogueRoles[id.value] == nil else { continue }
            let guess = Self.guess(id, among: workspace.catalogueRoles.keys.sorted(), in: external.file)
            report(
                UnknownRole.self, file: external.file, at: id.range, "unknown role \(Quoting.quoted(id.value)) in '\(key)' of \(name)",
                help: guess?.help ?? "define it in a role catalogue (kind: roles)", subjects: FindingSubjects(roles: [id.value]),
                fixes: guess?.fixes ?? [])
        }
    }

    /// Every priority a per-priority duration or a branch names is one of the process's `priorities`, and every
    /// target's `from` and `to` is one of its activities.
    private mutating func checkPriorities(of process: ProcessDefinition) {
        let declared = process.priorities.map(\.value)
        guard !process.targets.isEmpty || Self.namesPriorities(process) else { return }
        let processID = process.id.value
        // A mapping's key is not held to kebab-case, so `P1` is an unknown priority; an item of a branch's list was
        // (`schema/invalid-id`), and is not reported twice.
        func check(_ priority: Located<String>, of activity: String?, _ place: @autoclosure () -> String) {
            guard !declared.contains(priority.value) else { return }
            let help =
                declared.isEmpty
                ? "process \(Quoting.quoted(processID)) declares no priorities: add `priorities: [\(priority.value)]` to it, or write one duration"
                : Suggestion.didYouMean(priority.value, among: declared)
                    ?? "process \(Quoting.quoted(processID)) declares \(declared.map(Quoting.quoted).joined(separator: ", ")); add it to `priorities`, or use `default`"
            report(
                UnknownPriority.self, file: process.file, at: priority.range,
                "unknown priority \(Quoting.quoted(priority.value)) in \(place())",
                help: help, subjects: FindingSubjects(process: processID, activities: activity.map { [$0] } ?? []))
        }
        func check(_ budget: TimeBudget?, _ key: String, of activity: String?, _ place: @autoclosure () -> String) {
            for entry in budget?.entries ?? [] { check(entry.priority, of: activity, "'\(key)' of \(place())") }
        }
        for activity in process.activities {
            let activityID = activity.id.value
            var activityName: String { "activity \(Quoting.quoted(activityID))" }
            check(activity.target, "target", of: activityID, activityName)
            check(activity.handoff?.within, "within", of: activityID, "the handoff of \(activityName)")
            for timeout in activity.timeouts {
                check(timeout.after, "after", of: activityID, "a timeout of \(activityName)")
                check(timeout.handoff?.within, "within", of: activityID, "the handoff of a timeout of \(activityName)")
            }
            for entry in activity.cadence { check(entry.every, "every", of: activityID, activityName) }
            func checkBranches(_ branches: [Branch]) {
                for branch in branches {
                    var branchName: String {
                        branch.to.map { "the branch to \(Quoting.quoted($0.value)) of \(activityName)" } ?? "a branch of \(activityName)"
                    }
                    for priority in branch.priorities where Identifier.isValid(priority.value) {
                        check(priority, of: activityID, "'priorities' of \(branchName)")
                    }
                    check(branch.handoff?.within, "within", of: activityID, "the handoff of \(branchName)")
                    if let fork = branch.fork { checkBranches(fork.branches) }
                }
            }
            switch activity.next {
            case .branches(let branches, _): checkBranches(branches)
            case .fork(let fork): checkBranches(fork.branches)
            case .single, nil: break
            }
            for trigger in activity.triggers {
                check(
                    trigger.handoff?.within, "within", of: activityID,
                    "the handoff to process \(Quoting.quoted(trigger.process.value)) of \(activityName)")
            }
        }
        for cancellation in process.cancellations {
            check(
                cancellation.handoff?.within, "within", of: nil,
                "the handoff of the cancellation to \(Quoting.quoted(cancellation.to.value))")
        }
        for target in process.targets {
            let place = "target \(Quoting.quoted(target.id.value))"
            check(target.within, "within", of: nil, place)
            for (key, end) in [("from", target.from), ("to", target.to)] {
                guard let end else { continue }
                checkActivity(end.activity, of: process, from: nil, "'\(key)' of \(place)", isTransition: false)
            }
        }
    }

    /// Whether any per-priority duration or branch of the process names a priority: nearly no process does, and
    /// those are not walked again.
    private static func namesPriorities(_ process: ProcessDefinition) -> Bool {
        func inBranches(_ branches: [Branch]) -> Bool {
            branches.contains {
                !$0.priorities.isEmpty || $0.handoff?.within?.isPerPriority == true || $0.fork.map { inBranches($0.branches) } == true
            }
        }
        return process.activities.contains { activity in
            if activity.target?.isPerPriority == true || activity.handoff?.within?.isPerPriority == true { return true }
            if activity.triggers.contains(where: { $0.handoff?.within?.isPerPriority == true }) { return true }
            if activity.timeouts.contains(where: { $0.after?.isPerPriority == true || $0.handoff?.within?.isPerPriority == true }) {
                return true
            }
            if activity.cadence.contains(where: { $0.every.isPerPriority }) { return true }
            switch activity.next {
            case .branches(let branches, _): return inBranches(branches)
            case .fork(let fork): return inBranches(fork.branches)
            case .single, nil: return false
            }
        } || process.cancellations.contains { $0.handoff?.within?.isPerPriority == true }
    }

    /// `isTransition` is false for a reference that names an activity without going there (four eyes).
    private mutating func checkActivity(
        _ target: Located<String>, of process: ProcessDefinition, from source: String?, _ place: @autoclosure () -> String,
        isTransition: Bool = true
    ) {
        guard Identifier.isValid(target.value), process.activityIndex(target.value) == nil else { return }
        let place = place()
        let guess = Self.guess(target, among: process.activities.map(\.id.value), in: process.file)
        let help =
            guess?.help
            ?? "process \(Quoting.quoted(process.id.value)) has no activity with this id"
            // A transition may have meant another process; a cancellation stays in its own.
            + (source == nil || !isTransition ? "" : "; to start another process, use 'triggers:'")
        report(
            UnknownActivity.self, file: process.file, at: target.range, "unknown activity \(Quoting.quoted(target.value)) in \(place)",
            help: help,
            subjects: FindingSubjects(process: process.id.value, activities: (source.map { [$0] } ?? []) + [target.value]),
            fixes: guess?.fixes ?? []
        )
    }

    private mutating func checkTrigger(
        _ trigger: Trigger, in process: ProcessDefinition, from source: String, activityName: @autoclosure () -> String,
        workspace: Workspace
    ) {
        // The triggered process is named in the message; subjects stay with the process and activity that hold the trigger.
        let subjects = FindingSubjects(process: process.id.value, activities: [source])
        guard Identifier.isValid(trigger.process.value) else { return }
        var place: String { "the trigger of \(activityName())" }
        if let external = workspace.externalProcess(id: trigger.process.value) {
            guard let entry = trigger.activity, Identifier.isValid(entry.value) else { return }
            report(
                UnknownProcess.self, file: process.file, at: entry.range,
                "unknown activity \(Quoting.quoted(entry.value)) of process \(Quoting.quoted(external.id.value)) in \(place): the process is defined elsewhere and has no activities",
                help: "leave out 'activity': a trigger starts a process defined elsewhere as a whole, and its receiver takes the case in",
                subjects: subjects)
            return
        }
        guard let target = workspace.process(id: trigger.process.value) else {
            let guess = Self.guess(
                trigger.process, among: workspace.processes.map(\.id.value) + workspace.externalProcesses.map(\.id.value), in: process.file)
            report(
                UnknownProcess.self, file: process.file, at: trigger.process.range,
                "unknown process \(Quoting.quoted(trigger.process.value)) in \(place)",
                help: guess?.help ?? "check the process id, and check the whole repository at once so that every process is known",
                subjects: subjects, fixes: guess?.fixes ?? [])
            return
        }
        guard let entry = trigger.activity, Identifier.isValid(entry.value), target.activityIndex(entry.value) == nil else { return }
        let guess = Self.guess(entry, among: target.activities.map(\.id.value), in: process.file)
        report(
            UnknownProcess.self, file: process.file, at: entry.range,
            "unknown activity \(Quoting.quoted(entry.value)) of process \(Quoting.quoted(target.id.value)) in \(place)",
            help: guess?.help ?? "leave out 'activity' to start process \(Quoting.quoted(target.id.value)) at its first activity",
            subjects: subjects, fixes: guess?.fixes ?? [])
    }

    /// `waiver` is true for a waiver's policy reference: the finding is then about that waiver too.
    private mutating func checkPolicy(
        _ id: Located<String>, _ place: String, in process: ProcessDefinition, waiver: Bool, workspace: Workspace
    ) {
        guard Identifier.isValid(id.value), workspace.policy(id: id.value) == nil else { return }
        let guess = Self.guess(id, among: workspace.policies.map(\.id.value), in: process.file)
        let subjects = FindingSubjects(
            process: process.id.value, policy: id.value, waiver: waiver ? WaiverSubject(process: process.id.value, policy: id.value) : nil
        )
        report(
            UnknownPolicy.self, file: process.file, at: id.range, "unknown policy \(Quoting.quoted(id.value)) in \(place)",
            help: guess?.help ?? "check the policy id, and check the policies together with the processes", subjects: subjects,
            fixes: guess?.fixes ?? [])
    }
}
