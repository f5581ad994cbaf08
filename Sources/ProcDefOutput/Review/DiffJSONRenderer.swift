import ProcDef

/// Renders a `WorkspaceDiff` as JSON for scripts: a stable, versioned shape, keys always in this order, two-space
/// indentation, a final newline. Lists are never omitted (empty is `[]`); a value not set on one side is `null`.
///
/// ```
/// {
///   "version": 1,
///   "summary": {"processesChanged", "processesAdded", "processesRemoved", "processesUnchanged",
///               "gapsIntroduced", "gapsFixed", "teamMoves", "findingsIntroduced", "errorsIntroduced", "findingsResolved"},
///   "processes": [
///     {
///       "id", "name", "status": "added|removed|changed", "file",
///       "ownership": [FIELD],       // owner, manager, case-owner, defaults.accountable
///       "fields": [FIELD],          // name, version, effective, approved-by, review.last, review.every, purpose, trigger, outcome, tags, policies, waivers, start
///       "activities": [{"change": "added|removed|renamed|moved|edited", "id", "name", "position",
///                       "previousId", "basis": "name|procedure|roles"|null, "previousPosition", "fields": [FIELD]}],
///       "raci": [{"activity", "role", "before", "after"}],        // letters R/A/C/I joined by "/", "-" for none
///       "caseHolders": [{"activity", "before": [role], "after": [role], "teamsBefore": [team], "teamsAfter": [team],
///                        "changesHolder": bool, "movesTeam": bool}],   // responsible roles and their teams
///       "edges": [{"change": "added|removed|changed", "kind": "transition|fork|cancel|trigger", "from", "to", "process",
///                  "interrupted": [id], "before": EDGE|null, "after": EDGE|null}],
///       "parallel": [{"change": "added|removed", "kind": "fork-branch|cancellation|join", "from": [id], "to": id,
///                     "when": string|null}],
///       "gaps": [{"change": "introduced|fixed", "kind", "from", "to", "process", "interrupted", "fromRoles", "toRoles",
///                 "fix": "handoff-declared|edge-removed|same-roles|undetermined"|null}],
///       "policies": [{"policy", "title", "before": STATUS|null, "after": STATUS|null}],
///       "findings": {"introduced": [FINDING], "resolved": [FINDING]}
///     }
///   ],
///   "roles": [{"change": "added|removed|changed", "id", "name", "fields": [FIELD]}],
///   "externalProcesses": [{"change": "added|removed|changed", "id", "name", "fields": [FIELD]}],  // name, link, owner, receiver
///   "findings": {"introduced": [FINDING], "resolved": [FINDING]}     // outside any process
/// }
/// FIELD   = {"field", "before": string|null, "after": string|null}
/// EDGE    = {"when": string|null, "outcome"?, "priorities"?: [id], "handoff": HANDOFF|null, "fromRoles": [id],
///            "toRoles": [id], "passesResponsibility": true|false|null}
/// HANDOFF = {"artifact", "expectation", "within", "informed": [id], "escalation", "agreement"}   (string|null each)
/// STATUS  = ({"state": "holds", "noRunInScope": bool}
///            | {"state": "waived", "until": "YYYY-MM-DD"|"permanent", "reason", "approvedBy": ROLE|null}
///            | {"state": "fails", "findings": n}) + {"runs": string|null}   // the policy's when/unless; null: every run
/// FINDING = {"severity", "rule", "message", "process": id|null, "file", "line", "column"}
/// ```
///
/// `to` is the target activity's id (for a trigger, its entry activity or null); `process` is the process a trigger
/// starts, null for a transition. Ids of renamed activities are their new ids on both sides. A `cancel` edge is listed
/// once for the activities it interrupts whose edges changed alike: `interrupted` names them (`from` is the first);
/// it is empty for the other kinds.
package struct DiffJSONRenderer: Sendable {
    package init() {}

    package func render(_ diff: WorkspaceDiff) -> String {
        let writer = JSONWriter()
        writer.object { root in
            root.field("version", 1)
            root.object("summary") { summary in
                for status in [ProcessChange.Status.changed, .added, .removed] {
                    summary.field(
                        "processes" + status.rawValue.prefix(1).uppercased() + status.rawValue.dropFirst(),
                        diff.processes.count { $0.status == status })
                }
                summary.field("processesUnchanged", diff.unchangedProcesses)
                let gaps = diff.gaps.map(\.gap)
                summary.field("gapsIntroduced", gaps.count { $0.kind == .introduced })
                summary.field("gapsFixed", gaps.count { $0.kind == .fixed })
                summary.field("teamMoves", diff.teamMoves.count)
                summary.field("findingsIntroduced", diff.introducedFindings.count)
                summary.field("errorsIntroduced", diff.introducedErrors.count)
                summary.field("findingsResolved", diff.resolvedFindings.count)
            }
            root.array("processes") { list in
                for process in diff.processes {
                    list.object { write(process, into: &$0) }
                }
            }
            root.array("roles") { list in
                for role in diff.roles {
                    list.object { object in
                        object.field("change", role.kind.rawValue)
                        object.field("id", role.id)
                        object.field("name", role.name)
                        fields("fields", role.fields, into: &object)
                    }
                }
            }
            root.array("externalProcesses") { list in
                for process in diff.externalProcesses {
                    list.object { object in
                        object.field("change", process.kind.rawValue)
                        object.field("id", process.id)
                        object.field("name", process.name)
                        fields("fields", process.fields, into: &object)
                    }
                }
            }
            findings(diff.findings, into: &root)
        }
        return writer.text + "\n"
    }

    private func write(_ process: ProcessChange, into object: inout JSONWriter.Object) {
        object.field("id", process.id)
        object.field("name", process.name)
        object.field("status", process.status.rawValue)
        object.field("file", process.file)
        fields("ownership", process.ownership, into: &object)
        fields("fields", process.fields, into: &object)
        object.array("activities") { list in
            for change in process.activities {
                list.object { item in
                    item.field("change", change.kind.rawValue)
                    item.field("id", change.id)
                    item.field("name", change.name)
                    item.field("position", change.position)
                    item.optional("previousId", change.previousID)
                    item.optional("basis", change.basis?.rawValue)
                    item.optional("previousPosition", change.previousPosition)
                    fields("fields", change.fields, into: &item)
                }
            }
        }
        object.array("raci") { list in
            for change in process.raci {
                list.object { item in
                    item.field("activity", change.activity)
                    item.field("role", change.role)
                    item.field("before", change.before)
                    item.field("after", change.after)
                }
            }
        }
        object.array("caseHolders") { list in
            for change in process.caseHolders {
                list.object { item in
                    item.field("activity", change.activity)
                    item.strings("before", change.before)
                    item.strings("after", change.after)
                    item.strings("teamsBefore", change.teamsBefore)
                    item.strings("teamsAfter", change.teamsAfter)
                    item.field("changesHolder", change.changesHolder)
                    item.field("movesTeam", change.movesTeam)
                }
            }
        }
        object.array("edges") { list in
            for change in process.edges {
                list.object { item in
                    item.field("change", change.kind.rawValue)
                    edge(change.edge, into: &item)
                    state("before", change.before, into: &item)
                    state("after", change.after, into: &item)
                }
            }
        }
        object.array("parallel") { list in
            for change in process.parallel {
                list.object { item in
                    item.field("change", change.change.rawValue)
                    item.field("kind", change.kind.rawValue)
                    item.strings("from", change.from)
                    item.field("to", change.to)
                    item.optional("when", change.when)
                }
            }
        }
        object.array("gaps") { list in
            for gap in process.gaps {
                list.object { item in
                    item.field("change", gap.kind.rawValue)
                    edge(gap.edge, into: &item)
                    item.strings("fromRoles", gap.state.fromRoles)
                    item.strings("toRoles", gap.state.toRoles)
                    item.optional("fix", gap.fix?.rawValue)
                }
            }
        }
        object.array("policies") { list in
            for change in process.policies {
                list.object { item in
                    item.field("policy", change.policyID)
                    item.field("title", change.title)
                    status("before", change.before, runs: change.runsBefore, noRun: change.noRunBefore, into: &item)
                    status("after", change.after, runs: change.runsAfter, noRun: change.noRunAfter, into: &item)
                }
            }
        }
        findings(process.findings, into: &object)
    }

    private func fields(_ key: String, _ changes: [FieldChange], into object: inout JSONWriter.Object) {
        object.array(key) { list in
            for change in changes {
                list.object { item in
                    item.field("field", change.field)
                    item.optional("before", change.before)
                    item.optional("after", change.after)
                }
            }
        }
    }

    private func edge(_ ref: EdgeRef, into object: inout JSONWriter.Object) {
        object.field("kind", ref.kind.rawValue)
        object.field("from", ref.source)
        object.optional("to", ref.target)
        object.optional("process", ref.process)
        object.strings("interrupted", ref.interrupted)
    }

    private func state(_ key: String, _ state: EdgeState?, into object: inout JSONWriter.Object) {
        guard let state else { return object.null(key) }
        object.object(key) { item in
            item.optional("when", state.condition)
            if let outcome = state.outcome { item.field("outcome", outcome) }
            if !state.priorities.isEmpty { item.strings("priorities", state.priorities) }
            if let handoff = state.handoff {
                item.object("handoff") { facts in
                    facts.optional("artifact", handoff.artifact)
                    facts.optional("expectation", handoff.expectation)
                    facts.optional("within", handoff.within)
                    facts.strings("informed", handoff.informed)
                    facts.optional("escalation", handoff.escalation?.rawValue)
                    facts.optional("agreement", handoff.agreement)
                }
            } else {
                item.null("handoff")
            }
            item.strings("fromRoles", state.fromRoles)
            item.strings("toRoles", state.toRoles)
            item.optional("passesResponsibility", state.passesResponsibility)
        }
    }

    private func status(
        _ key: String, _ state: PolicyStatus.State?, runs: String?, noRun: Bool, into object: inout JSONWriter.Object
    ) {
        guard let state else { return object.null(key) }
        object.object(key) { item in
            switch state {
            case .holds:
                item.field("state", "holds")
                item.field("noRunInScope", noRun)
            case .waived(let until, let reason, let approver):
                item.field("state", "waived")
                item.field("until", until.description)
                item.field("reason", reason)
                if let approver { item.field("approvedBy", approver) } else { item.null("approvedBy") }
            case .fails(let count):
                item.field("state", "fails")
                item.field("findings", count)
            }
            item.optional("runs", runs)
        }
    }

    private func findings(_ changes: FindingChanges, into object: inout JSONWriter.Object) {
        object.object("findings") { item in
            for (key, records) in [("introduced", changes.introduced), ("resolved", changes.resolved)] {
                item.array(key) { list in
                    for record in records {
                        list.object { finding in
                            finding.field("severity", record.severity.rawValue)
                            finding.field("rule", record.rule)
                            finding.field("message", record.message)
                            finding.optional("process", record.processID)
                            finding.field("file", record.file)
                            finding.field("line", record.line)
                            finding.field("column", record.column)
                        }
                    }
                }
            }
        }
    }
}
