/// How the whole workspace uses the catalogue's roles: which roles anything names, and which of them do work.
///
/// Gathered once per check for the rules about the catalogue as a whole (`raci/unused-catalogue-role`, and
/// `raci/idle-role` for catalogue roles). Role ids are collected as written; only catalogue roles are judged.
package struct CatalogueRoleUse: Sendable {
    /// Every role id named anywhere: processes (their fields, RACI lists, handoffs, waivers), policies' selectors,
    /// processes defined elsewhere.
    package private(set) var mentioned: Set<String> = []
    /// Responsible or accountable for an activity (with `defaults.accountable`), a process's owner or manager, a
    /// waiver's approver, or the owner or receiver of a process defined elsewhere.
    package private(set) var working: Set<String> = []
    package private(set) var consulted: Set<String> = []
    package private(set) var informed: Set<String> = []
    /// Whether the workspace shows every use a catalogue role may have: it holds a process, was not read from files
    /// named one by one (`procdef check Processes/incident.yaml` reads a part of the repository, where every role used
    /// only by the processes not read would look unused), and every file was read, decoded and linked without an
    /// error (a document that failed to decode, or a misspelt role id, `ref/unknown-role`, hides a use).
    package let isJudged: Bool

    /// `processUse`: how the processes use the roles, when the caller keeps it (the language server's `Tally`, which
    /// counts again only the processes that changed); nil to gather it here.
    package init(_ workspace: Workspace, processUse: CatalogueRoleUse? = nil) {
        isJudged =
            !workspace.isPartial && !workspace.processes.isEmpty && !workspace.catalogueRoles.isEmpty
            && !workspace.diagnostics.contains { $0.severity == .error }
        guard isJudged else { return }
        let perRun: [CatalogueRoleUse]
        if let processUse {
            perRun = [processUse]
        } else {
            // Processes are gathered in parallel, a run of them a task; a run names few distinct roles, so the union
            // that follows inserts far fewer ids than the processes' references, and few sets are alive at once.
            let processes = workspace.processes
            let runLength = 64
            let runs = Array(stride(from: 0, to: processes.count, by: runLength))
            perRun = runs.parallelMap { start in
                var use = CatalogueRoleUse(isJudged: true)
                for process in processes[start..<min(start + runLength, processes.count)] { use.add(process) }
                return use
            }
        }
        for use in perRun {
            mentioned.formUnion(use.mentioned)
            working.formUnion(use.working)
            consulted.formUnion(use.consulted)
            informed.formUnion(use.informed)
        }
        for policy in workspace.policies { add(policy) }
        for external in workspace.externalProcesses {
            for role in [external.owner, external.receiver].compactMap({ $0?.value }) { work(role) }
        }
    }

    /// What one process contributes: the roles it names and how.
    package static func share(of process: ProcessDefinition) -> CatalogueRoleUse {
        var use = CatalogueRoleUse(isJudged: true)
        use.add(process)
        return use
    }

    /// How many processes name each role in each way, kept up to date one process at a time: the union of every
    /// process's share without recomputing it.
    package struct Tally: Sendable {
        private var mentioned: [String: Int] = [:]
        private var working: [String: Int] = [:]
        private var consulted: [String: Int] = [:]
        private var informed: [String: Int] = [:]

        package init() {}

        package mutating func add(_ share: CatalogueRoleUse) { count(share, by: 1) }

        package mutating func remove(_ share: CatalogueRoleUse) { count(share, by: -1) }

        private mutating func count(_ share: CatalogueRoleUse, by step: Int) {
            func apply(_ roles: Set<String>, _ counts: inout [String: Int]) {
                for role in roles {
                    let next = counts[role, default: 0] + step
                    counts[role] = next > 0 ? next : nil
                }
            }
            apply(share.mentioned, &mentioned)
            apply(share.working, &working)
            apply(share.consulted, &consulted)
            apply(share.informed, &informed)
        }

        /// The roles some process names, in each way.
        package var use: CatalogueRoleUse {
            var use = CatalogueRoleUse(isJudged: true)
            use.mentioned = Set(mentioned.keys)
            use.working = Set(working.keys)
            use.consulted = Set(consulted.keys)
            use.informed = Set(informed.keys)
            return use
        }
    }

    private init(isJudged: Bool) {
        self.isJudged = isJudged
    }

    private mutating func work(_ role: String) {
        mentioned.insert(role)
        working.insert(role)
    }

    private mutating func mention(_ roles: [Located<String>]?) {
        for role in roles ?? [] { mentioned.insert(role.value) }
    }

    private mutating func add(_ process: ProcessDefinition) {
        for role in [process.owner, process.manager].compactMap({ $0?.value }) { work(role) }
        mention(process.caseOwner.map { [$0] })
        // The requester raises cases; the process's approver puts each version into effect: both are a part played.
        mention(process.requester.map { [$0] })
        if let approver = process.governance.approvedBy { work(approver.value) }
        let defaultAccountable = process.defaultAccountable
        mention(defaultAccountable.map { [$0] })
        for activity in process.activities {
            for role in activity.responsible { work(role.value) }
            for role in activity.accountable.isEmpty ? (defaultAccountable.map { [$0] } ?? []) : activity.accountable {
                work(role.value)
            }
            // Conditional entries (`{role, when}`) are in these lists too.
            for role in activity.consulted { consulted.insert(role.value) }
            for role in activity.informed { informed.insert(role.value) }
            mention(activity.consulted)
            mention(activity.informed)
            var handoffs = activity.next?.branchHandoffs ?? []
            if let handoff = activity.handoff { handoffs.append(handoff) }
            handoffs += activity.triggers.compactMap(\.handoff)
            handoffs += activity.timeouts.compactMap(\.handoff)
            for handoff in handoffs { addInformed(handoff.informed) }
        }
        for cancellation in process.cancellations {
            if let handoff = cancellation.handoff { addInformed(handoff.informed) }
        }
        for waiver in process.waivers {
            if let approver = waiver.approvedBy { work(approver.value) }
        }
    }

    private mutating func addInformed(_ roles: [Located<String>]) {
        for role in roles { informed.insert(role.value) }
        mention(roles)
    }

    private mutating func add(_ policy: Policy) {
        for condition in [policy.when, policy.unless].compactMap({ $0 }) {
            if case .passes(let selector) = condition.event { add(selector) }
        }
        for requirement in policy.requirements {
            switch requirement.value {
            case .exists(let selector), .visits(let selector): add(selector)
            case .before(let first, let then):
                add(first)
                add(then)
            case .all(let of, let match):
                add(of)
                add(match)
            case .separate(let first, let second):
                add(first)
                add(second)
            case .processHas, .max: break
            }
        }
    }

    private mutating func add(_ selector: ActivitySelector) {
        mention(selector.responsible)
        mention(selector.accountable)
        mention(selector.informs)
        mention(selector.consults)
    }
}
