import XCTest
import YAMLTree

@testable import ProcDef

final class UnknownKeyTests: XCTestCase {
    func testMisspeltKeysSuggestTheClosestValidKeyAtThatSpot() {
        XCTAssertDecoding(
            """
            kind: process
            id: incident
            name: Incident
            owner: process-owner
            1️⃣managr: incident-manager
            activities:
              - id: log
                name: Log the incident
                2️⃣resposible: service-desk
                next:
                  - to: close
                    3️⃣wen: Always.
              - id: close
                name: Close
                responsible: service-desk
                handoff: {artifact: record, 4️⃣colour: red}
            """,
            [
                ExpectedFinding("1️⃣", "schema/unknown-key", "unknown key 'managr' in process 'incident'", help: "did you mean 'manager'?"),
                ExpectedFinding(
                    "2️⃣", "schema/unknown-key", "unknown key 'resposible' in activity 'log'", help: "did you mean 'responsible'?"),
                ExpectedFinding(
                    "3️⃣", "schema/unknown-key", "unknown key 'wen' in the branch to 'close' of activity 'log'", help: "did you mean 'when'?"),
                ExpectedFinding(
                    "4️⃣", "schema/unknown-key", "unknown key 'colour' in the handoff of activity 'close'",
                    help: "valid keys here: artifact, expectation, informed, escalation, agreement, within"),
            ])
    }

    func testKeysOfPoliciesAndSelectors() {
        XCTAssertDecoding(
            """
            kind: policy
            id: logged
            title: Incidents are logged
            severity: error
            applies-to: {1️⃣tag: [incident]}
            require:
              2️⃣befor: {first: {records: incident}, then: {any: true}}
              exists: {records: incident, 3️⃣responsibles: service-desk}
            """,
            [
                ExpectedFinding(
                    "1️⃣", "schema/unknown-key", "unknown key 'tag' in 'applies-to' of policy 'logged'", help: "did you mean 'tags'?"),
                ExpectedFinding(
                    "2️⃣", "schema/unknown-key", "unknown key 'befor' in 'require' of policy 'logged'", help: "did you mean 'before'?"),
                ExpectedFinding(
                    "3️⃣", "schema/unknown-key", "unknown key 'responsibles' in the selector of requirement 'exists' of policy 'logged'",
                    help: "did you mean 'responsible'?"),
            ])
    }

    func testEveryDocumentedKeyPasses() {
        XCTAssertDecoding(
            """
            kind: process
            id: incident
            name: Incident
            version: 4
            purpose: Restore service.
            owner: process-owner
            manager: incident-manager
            case-owner: service-desk
            tags: [incident]
            trigger: A user calls.
            outcome: Service restored.
            defaults: {accountable: incident-manager}
            roles:
              helper: {name: Helper, kind: practitioner, team: Desk, contact: "#desk"}
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
                procedure: [Create the record.]
                next:
                  - to: close
                    when: Always.
                    handoff: {artifact: incident-record, expectation: Closed in a day., informed: [user], escalation: functional, agreement: OLA-1}
                triggers:
                  - {process: incident, activity: close, when: Never., handoff: {artifact: x}}
                handoff: {artifact: incident-record}
              - id: close
                name: Close
                responsible: helper
                end: true
            policies: [logged]
            waivers:
              - {policy: logged, reason: Testing., until: 2030-01-01}
            ---
            kind: policy
            id: logged
            title: Incidents are logged
            rationale: Records feed reporting.
            severity: warning
            applies-to: {tags: [incident], ids: [incident], all: false}
            require:
              exists: {any: true, id: log, tag: intake, records: incident, responsible: service-desk, responsible-kind: practitioner, accountable: incident-manager, informs: user, informs-kind: customer, consults: network, end: false, start: true}
              visits: {records: incident}
              before: {first: {records: incident}, then: {end: true}}
              all: {of: {tag: intake}, match: {records: incident}}
              separate: [{id: log}, {id: close}]
              process: {has: [case-owner, manager]}
              max: {consulted: 4, informed: 8, activities: 40}
            """, [])
    }
}

extension UnknownKeyTests {
    /// An alias is decoded where it is used, so a finding inside the anchored node is reported once per distinct
    /// context, at the anchor, and never twice with the same words.
    func testFindingsInsideAnAliasedNodeAreNotRepeated() {
        XCTAssertDecoding(
            """
            kind: process
            id: incident
            name: Incident
            owner: process-owner
            activities:
              - id: log
                name: Log
                handoff: &shared {artifact: record, 1️⃣colour: red}
                next:
                  - {to: close, handoff: *shared}
                  - {to: close, handoff: *shared}
              - id: close
                name: Close
            """,
            [
                ExpectedFinding(
                    "1️⃣", "schema/unknown-key", "unknown key 'colour' in the handoff of activity 'log'",
                    help: "valid keys here: artifact, expectation, informed, escalation, agreement, within"),
                ExpectedFinding(
                    "1️⃣", "schema/unknown-key", "unknown key 'colour' in the handoff to 'close' of activity 'log'",
                    help: "valid keys here: artifact, expectation, informed, escalation, agreement, within"),
            ])
    }
}
