import ProcDef

/// In-memory definitions for the review tests: a small catalogue and processes written as YAML, checked as
/// `procdef diff` checks them.
enum ReviewFixture {
    static let roles = """
        kind: roles
        roles:
          owner: {name: Process Owner, kind: owner, team: Office}
          manager: {name: Process Manager, kind: manager, team: Operations}
          lead: {name: Desk Lead, kind: manager, team: Service Desk}
          desk: {name: Service Desk Analyst, kind: practitioner, team: Service Desk}
          resolver: {name: Resolver, kind: practitioner, team: Support}
          network: {name: Network Engineer, kind: practitioner}
          user: {name: User, kind: customer, team: Business}

        """

    /// A process with these activities (YAML list items, indented by two spaces).
    static func process(_ activities: String, id: String = "incident", header: String = "") -> String {
        """
        kind: process
        id: \(id)
        name: \(id.capitalized)
        owner: owner
        manager: manager
        defaults:
          accountable: manager
        \(header)activities:
        \(activities)
        """
    }

    /// Checks the files (path to text) with a fixed date.
    static func check(_ files: [String: String]) -> CheckReport {
        let sources = files.sorted { $0.key < $1.key }.map { SourceFile(path: $0.key, bytes: Array($0.value.utf8)) }
        let options = CheckOptions(today: CalendarDate(year: 2026, month: 6, day: 1))
        var workspace = Workspace.load(files: sources, options: options)
        // The catalogue serves every review test, each using a few of its roles: its use is not judged here.
        workspace.isPartial = true
        return Checker.check(workspace, options: options)
    }

    /// The diff between a workspace of the catalogue and `old`, and one of the catalogue and `new`.
    static func diff(_ old: String, _ new: String) -> WorkspaceDiff {
        ProcessDiff.compare(
            old: check(["roles.yaml": roles, "process.yaml": old]), new: check(["roles.yaml": roles, "process.yaml": new]))
    }
}
