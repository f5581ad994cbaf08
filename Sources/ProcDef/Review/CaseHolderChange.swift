/// Who holds the case at one step, before and after a change: the step's responsible roles, to whom the case passes
/// when it arrives there (as `ownership/case-owner-continuity` sees a handoff), and the teams they belong to.
///
/// A step whose holders stay the same can still move to another team, when the role catalogue gives a responsible
/// role another `team`: that is the reviewer's question too, and the RACI changes cannot show it.
package struct CaseHolderChange: Sendable, Hashable {
    /// The activity's id on the new side.
    package var activity: String
    /// The responsible roles, as written.
    package var before: [String]
    package var after: [String]
    /// The stated `team` of each responsible role, in role order, without repeats; a role with no team adds none.
    package var teamsBefore: [String]
    package var teamsAfter: [String]

    package init(activity: String, before: [String], after: [String], teamsBefore: [String], teamsAfter: [String]) {
        self.activity = activity
        self.before = before
        self.after = after
        self.teamsBefore = teamsBefore
        self.teamsAfter = teamsAfter
    }

    /// Other roles hold the case here (the order they are written in does not count).
    package var changesHolder: Bool { Set(before) != Set(after) }

    /// The case is held by another team here: teams are known on both sides and they differ. A role that gains or
    /// loses a `team` is not a move.
    package var movesTeam: Bool { !teamsBefore.isEmpty && !teamsAfter.isEmpty && Set(teamsBefore) != Set(teamsAfter) }

    /// The steps on both sides (paired by `alignment`) whose holders or holders' teams changed, in new flow order.
    static func compare(
        _ old: ProcessDefinition, _ new: ProcessDefinition, _ alignment: ActivityAlignment, before: Workspace, after: Workspace
    ) -> [CaseHolderChange] {
        func teams(_ roles: [String], of process: ProcessDefinition, in workspace: Workspace) -> [String] {
            var teams: [String] = []
            for id in roles {
                guard let team = workspace.role(id, in: process)?.team?.value, !team.isBlank, !teams.contains(team) else { continue }
                teams.append(team)
            }
            return teams
        }
        return alignment.pairs.compactMap { pair in
            let a = old.activities[pair.old].responsible.values()
            let b = new.activities[pair.new].responsible.values()
            let change = CaseHolderChange(
                activity: new.activities[pair.new].id.value, before: a, after: b, teamsBefore: teams(a, of: old, in: before),
                teamsAfter: teams(b, of: new, in: after))
            return change.changesHolder || change.movesTeam ? change : nil
        }
    }
}
