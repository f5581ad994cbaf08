import XCTest

@testable import ProcDef

final class HandoffGapTests: XCTestCase {
    private let rule: Set<String> = ["handoff/gap"]

    private func help(_ placement: String, artifact: String = "<what is handed over>", supplier: Bool = false) -> String {
        "add a `handoff:` \(placement) with the artifact handed over and the receiver's expectation:\n"
            + "  handoff:\n    artifact: \(artifact)\n    expectation: <what the receiver commits to>"
            + (supplier ? "\n    agreement: <the OLA or underpinning contract>" : "")
    }

    func testFallThroughGapIsReportedAtTheSourceActivityID() {
        XCTAssertFindings(
            HandoffFixtures.incident(
                """
                  - id: 1️⃣categorize
                    name: Categorize and prioritize
                    responsible: service-desk
                  - id: diagnose
                    name: Investigate and diagnose
                    responsible: resolver
                """), rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "handoff/gap",
                    "responsibility passes from 'service-desk' (Service Desk Analyst) at 'categorize' (Categorize and prioritize) to 'resolver' (Resolver Group) at 'diagnose' (Investigate and diagnose) with no handoff declared",
                    severity: .error,
                    help: help("to activity 'categorize' (it applies to its fall-through to 'diagnose')")
                )
            ])
    }

    func testBranchGapIsReportedAtTheNextEntry() {
        XCTAssertFindings(
            HandoffFixtures.incident(
                """
                  - id: categorize
                    name: Categorize and prioritize
                    responsible: service-desk
                    next:
                      - to: resolve-first-line
                        when: A known error or workaround matches.
                      - 1️⃣to: diagnose
                        when: No workaround is known.
                  - id: resolve-first-line
                    name: Apply the workaround
                    responsible: service-desk
                    end: true
                  - id: diagnose
                    name: Investigate and diagnose
                    responsible: resolver
                """), rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "handoff/gap",
                    "responsibility passes from 'service-desk' (Service Desk Analyst) at 'categorize' (Categorize and prioritize) to 'resolver' (Resolver Group) at 'diagnose' (Investigate and diagnose) with no handoff declared",
                    help: help("to this `next` entry")
                )
            ])
    }

    func testSingleNextGapIsReportedAtTheNextValue() {
        XCTAssertFindings(
            HandoffFixtures.incident(
                """
                  - id: categorize
                    name: Categorize and prioritize
                    responsible: service-desk
                    next: 1️⃣diagnose
                  - id: resolve-first-line
                    name: Apply the workaround
                    responsible: service-desk
                    end: true
                  - id: diagnose
                    name: Investigate and diagnose
                    responsible: resolver
                """), rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "handoff/gap",
                    "responsibility passes from 'service-desk' (Service Desk Analyst) at 'categorize' (Categorize and prioritize) to 'resolver' (Resolver Group) at 'diagnose' (Investigate and diagnose) with no handoff declared",
                    help: help("to activity 'categorize' (it applies to its `next`)")
                )
            ])
    }

    func testTriggerGapsIntoANamedEntryActivityAndIntoTheStart() {
        XCTAssertFindings(
            HandoffFixtures.incident(
                """
                  - id: diagnose
                    name: Investigate and diagnose
                    responsible: service-desk
                    outputs: [incident-record]
                    triggers:
                      - 1️⃣process: problem-management
                        when: The incident recurs.
                      - 2️⃣process: problem-management
                        activity: analyse
                        when: The link keeps failing.
                """), rules: rule, extraFiles: ["problem.yaml": HandoffFixtures.problemManagement],
            [
                ExpectedFinding(
                    "1️⃣", "handoff/gap",
                    "responsibility passes from 'service-desk' (Service Desk Analyst) at 'diagnose' (Investigate and diagnose) to 'resolver' (Resolver Group) at 'record-problem' (Record the problem) in process 'problem-management' (Problem Management) with no handoff declared",
                    help: help("to this trigger", artifact: "incident-record")
                ),
                ExpectedFinding(
                    "2️⃣", "handoff/gap",
                    "responsibility passes from 'service-desk' (Service Desk Analyst) at 'diagnose' (Investigate and diagnose) to 'network' (Network Engineer) at 'analyse' (Analyse the root cause) in process 'problem-management' (Problem Management) with no handoff declared",
                    help: help("to this trigger", artifact: "incident-record")
                ),
            ])
    }

    func testTriggerIntoAnUnknownProcessOrActivityIsLeftToRefRules() {
        XCTAssertFindings(
            HandoffFixtures.incident(
                """
                  - id: diagnose
                    name: Investigate and diagnose
                    responsible: service-desk
                    triggers:
                      - process: problem-mgmt
                      - process: problem-management
                        activity: analyze
                """), rules: rule, extraFiles: ["problem.yaml": HandoffFixtures.problemManagement], [])
    }

    func testASharedRoleMeansNoGap() {
        XCTAssertFindings(
            HandoffFixtures.incident(
                """
                  - id: swarm
                    name: Swarm on the incident
                    responsible: [service-desk, resolver]
                  - id: diagnose
                    name: Investigate and diagnose
                    responsible: resolver
                  - id: confirm
                    name: Confirm resolution with the user
                    responsible: [comms, resolver]
                """), rules: rule, [])
    }

    func testSeveralRolesOnEachSideAreAllNamed() {
        XCTAssertFindings(
            HandoffFixtures.incident(
                """
                  - id: 1️⃣swarm
                    name: Swarm on the incident
                    responsible: [service-desk, comms]
                  - id: diagnose
                    name: Investigate and diagnose
                    responsible: [resolver, network]
                """), rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "handoff/gap",
                    "responsibility passes from 'service-desk' (Service Desk Analyst) and 'comms' (Communications Lead) at 'swarm' (Swarm on the incident) to 'resolver' (Resolver Group) and 'network' (Network Engineer) at 'diagnose' (Investigate and diagnose) with no handoff declared",
                    help: help("to activity 'swarm' (it applies to its fall-through to 'diagnose')")
                )
            ])
    }

    /// A missing or misspelt responsible role is raci/responsible-required's or ref/unknown-role's finding; guessing a
    /// gap behind it would only double the noise.
    func testNoGapIsGuessedWhenASideHasNoOrAnUnknownResponsibleRole() {
        XCTAssertFindings(
            HandoffFixtures.incident(
                """
                  - id: log
                    name: Log the incident
                    responsible: service-desk
                  - id: categorize
                    name: Categorize and prioritize
                  - id: diagnose
                    name: Investigate and diagnose
                    responsible: resolvr
                  - id: confirm
                    name: Confirm resolution with the user
                    responsible: service-desk
                """), rules: rule, [])
    }

    func testADeclaredHandoffClosesTheGap() {
        XCTAssertFindings(
            HandoffFixtures.incident(
                """
                  - id: categorize
                    name: Categorize and prioritize
                    responsible: service-desk
                    handoff:
                      artifact: incident-record
                      expectation: Resolver group acknowledges within 30 minutes.
                  - id: diagnose
                    name: Investigate and diagnose
                    responsible: resolver
                    next:
                      - to: confirm
                        handoff:
                          artifact: resolution-notes
                          expectation: Service desk confirms with the user within 1 business day.
                  - id: confirm
                    name: Confirm resolution with the user
                    responsible: service-desk
                """), rules: rule, [])
    }

    func testAGapTowardsASupplierSuggestsTheAgreementAndAnArtifactBothSidesDeclare() {
        XCTAssertFindings(
            HandoffFixtures.incident(
                """
                  - id: 1️⃣diagnose-link
                    name: Diagnose the WAN link
                    responsible: network
                    outputs: [link-diagnosis, incident-record]
                  - id: repair-link
                    name: Repair the WAN link
                    responsible: carrier
                    inputs: [incident-record]
                """), rules: rule,
            [
                ExpectedFinding(
                    "1️⃣", "handoff/gap",
                    "responsibility passes from 'network' (Network Engineer) at 'diagnose-link' (Diagnose the WAN link) to 'carrier' (Network Carrier) at 'repair-link' (Repair the WAN link) with no handoff declared",
                    help: help(
                        "to activity 'diagnose-link' (it applies to its fall-through to 'repair-link')", artifact: "incident-record",
                        supplier: true)
                )
            ])
    }

    /// Local roles belong to their process: problem management's own `analyst` is not incident management's.
    func testSameLocalRoleIdInTwoProcessesIsNotTheSameRole() {
        let problem = """
            kind: process
            id: problem-management
            name: Problem Management
            owner: process-owner
            defaults:
              accountable: incident-manager
            roles:
              analyst: {name: Problem Analyst, kind: practitioner}
            activities:
              - id: record-problem
                name: Record the problem
                responsible: analyst

            """
        XCTAssertFindings(
            HandoffFixtures.incident(
                """
                  - id: diagnose
                    name: Investigate and diagnose
                    responsible: analyst
                    triggers:
                      - 1️⃣process: problem-management
                """
            ).replacingOccurrences(of: "activities:", with: "roles:\n  analyst: {name: Incident Analyst, kind: practitioner}\nactivities:"),
            rules: rule, extraFiles: ["problem.yaml": problem],
            [
                ExpectedFinding(
                    "1️⃣", "handoff/gap",
                    "responsibility passes from 'analyst' (Incident Analyst) at 'diagnose' (Investigate and diagnose) to 'analyst' (Problem Analyst) at 'record-problem' (Record the problem) in process 'problem-management' (Problem Management) with no handoff declared",
                    help: help("to this trigger")
                )
            ])
    }

    /// The "done when" of the handoff review: DESIGN 1.2's incident process with the escalation branch's handoff
    /// deleted reports exactly that gap, at that `next` entry, naming both roles.
    func testDesignIncidentExampleWithTheEscalationHandoffDeleted() {
        let escalation = """
                  - 1️⃣to: diagnose
                    when: No workaround is known.
            """
        XCTAssertFindings(
            DesignExample.incident(escalation: escalation), rules: HandoffFixtures.allRules, extraFiles: DesignExample.otherFiles,
            [
                ExpectedFinding(
                    "1️⃣", "handoff/gap",
                    "responsibility passes from 'service-desk' (Service Desk Analyst) at 'categorize' (Categorize and prioritize) to 'resolver-group' (Resolver Group) at 'diagnose' (Investigate and diagnose) with no handoff declared",
                    severity: .error,
                    help: help("to this `next` entry")
                )
            ])
    }

    func testDesignIncidentExampleIsFreeOfHandoffFindings() throws {
        let incident = DesignExample.incident(escalation: DesignExample.escalationWithHandoff)
        XCTAssertFindings(incident, rules: HandoffFixtures.allRules, extraFiles: DesignExample.otherFiles, [])
        var files = DesignExample.otherFiles
        files["incident.yaml"] = incident
        let report = try RuleFixtureRunner.run(files)
        XCTAssertEqual(report.workspace.processes.map(\.id.value), ["incident-management", "problem-management"])
        let invalid = report.diagnostics.filter {
            ["yaml", "schema", "ref"].contains($0.rule.split(separator: "/").first.map(String.init))
        }
        XCTAssertEqual(invalid.map { "\($0.rule): \($0.message)" }, [], "the example must be a valid workspace")
    }
}

/// DESIGN 1.2's incident process, with its role catalogue and the problem process it triggers.
enum DesignExample {
    static let escalationWithHandoff = """
              - to: diagnose
                when: No workaround is known.
                handoff:
                  artifact: incident-record
                  expectation: Resolver group acknowledges within 30 minutes for P1 and P2.
                  informed: [user]
                  escalation: functional
                  agreement: OLA-7
        """

    static let otherFiles = [
        "roles.yaml": """
        kind: roles
        roles:
          incident-process-owner: {name: Incident Process Owner, kind: owner, team: ITSM Office}
          incident-manager: {name: Incident Manager, kind: manager, team: Service Desk}
          problem-manager: {name: Problem Manager, kind: manager, team: ITSM Office}
          service-desk: {name: Service Desk Analyst, kind: practitioner, team: Service Desk, contact: "#service-desk"}
          user: {name: Affected User, kind: customer}

        """,
        "problem.yaml": """
        kind: process
        id: problem-management
        name: Problem Management
        owner: incident-process-owner
        manager: problem-manager
        defaults:
          accountable: problem-manager
        activities:
          - id: record-problem
            name: Record the problem
            responsible: problem-manager
            inputs: [incident-record]

        """,
    ]

    /// The process, with `escalation` as the `next` entry from categorize to diagnose (indented as a list entry).
    static func incident(escalation: String) -> String {
        """
        kind: process
        id: incident-management
        name: Incident Management
        version: 4
        purpose: Restore normal service as quickly as possible and limit business impact.
        owner: incident-process-owner
        manager: incident-manager
        case-owner: service-desk
        tags: [incident, customer-facing]
        trigger: A user reports a disruption, or monitoring raises an event.
        outcome: Service restored and the user has confirmed the resolution.
        defaults:
          accountable: incident-manager
        roles:
          resolver-group: {name: Resolver Group, kind: practitioner, team: Application Support}
        activities:
          - id: log
            name: Log the incident
            responsible: service-desk
            accountable: incident-manager
            consulted: []
            informed: [user]
            records: [incident]
            inputs: [user-report]
            outputs: [incident-record]
            target: 10m
            tags: [intake]
            procedure:
              - Create the incident record with caller, affected service and symptoms.
              - Give the user the incident number.
          - id: categorize
            name: Categorize and prioritize
            responsible: service-desk
            next:
              - to: resolve-first-line
                when: A known error or workaround matches.
        \(escalation)
          - id: resolve-first-line
            name: Apply the workaround
            responsible: service-desk
            next: confirm
          - id: diagnose
            name: Investigate and diagnose
            responsible: resolver-group
            informed: [service-desk]
            triggers:
              - process: problem-management
                when: The incident recurs or no root cause is found.
                handoff:
                  artifact: incident-record
                  expectation: Problem recorded within 2 business days.
            handoff:
              artifact: resolution-notes
              expectation: Service desk confirms with the user within 1 business day.
          - id: confirm
            name: Confirm resolution with the user
            responsible: service-desk
            informed: [user]
          - id: close
            name: Close the incident
            responsible: service-desk
            end: true

        """
    }
}
