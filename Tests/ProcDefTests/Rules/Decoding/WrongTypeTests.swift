import XCTest
import YAMLTree

@testable import ProcDef

final class WrongTypeTests: XCTestCase {
    func testWrongShapesSayWhatWasExpectedAndFound() {
        XCTAssertDecoding(
            """
            kind: process
            id: incident
            name: 1️⃣[Incident]
            version: 2️⃣"4"
            owner: process-owner
            defaults: {accountable: 3️⃣[incident-manager, process-owner]}
            roles:
              helper: {name: Helper, kind: 4️⃣custommer}
            activities:
              - id: log
                name: Log the incident
                responsible: 5️⃣{role: service-desk}
                informed: [user, 6️⃣[comms]]
                end: 7️⃣yes
                handoff: {artifact: record, escalation: 8️⃣sideways}
              - 9️⃣Close the incident
            """,
            [
                ExpectedFinding("1️⃣", "schema/type", "'name' in process 'incident' must be a string, found a list"),
                ExpectedFinding(
                    "2️⃣", "schema/type", "'version' in process 'incident' must be a whole number, 0 or more, found the string '4'"),
                ExpectedFinding(
                    "3️⃣", "schema/type", "'accountable' in the defaults of process 'incident' must be one role id, found a list"),
                ExpectedFinding(
                    "4️⃣", "schema/type",
                    "'kind' in role 'helper' must be one of owner, manager, practitioner, customer, supplier, stakeholder or system, found 'custommer'",
                    help: "did you mean 'customer'?"),
                ExpectedFinding("5️⃣", "schema/type", "'responsible' in activity 'log' must be a role id or a list of them, found a mapping"),
                ExpectedFinding("6️⃣", "schema/type", "each item of 'informed' in activity 'log' must be a role id, found a list"),
                ExpectedFinding("7️⃣", "schema/type", "'end' in activity 'log' must be true or false, found 'yes'"),
                ExpectedFinding(
                    "8️⃣", "schema/type", "'escalation' in the handoff of activity 'log' must be functional or hierarchic, found 'sideways'"),
                ExpectedFinding(
                    "9️⃣", "schema/type",
                    "each item of 'activities' in process 'incident' must be an activity (a mapping with 'id' and 'name'), found 'Close the incident'"
                ),
            ])
    }

    func testPolicyAndConfigValues() {
        XCTAssertDecoding(
            """
            kind: policy
            id: logged
            title: Incidents are logged
            severity: 1️⃣fatal
            require:
              separate: 2️⃣[{id: log}]
              process: {has: [3️⃣case_owner]}
            ---
            kind: config
            rules:
              flow/self-loop: 4️⃣sometimes
              raci/too-many-consulted: {severity: warning, max: 5️⃣[3]}
            """,
            [
                ExpectedFinding("1️⃣", "schema/type", "'severity' in policy 'logged' must be error or warning, found 'fatal'"),
                ExpectedFinding(
                    "2️⃣", "schema/type", "requirement 'separate' of policy 'logged' must be a list of two selectors, found a list of 1"),
                ExpectedFinding(
                    "3️⃣", "schema/type", "'case_owner' in 'has' of requirement 'process' of policy 'logged' is not a process field",
                    help: "did you mean 'case-owner'?"),
                ExpectedFinding(
                    "4️⃣", "schema/type", "the setting of rule 'flow/self-loop' must be one of error, warning, note or off, found 'sometimes'"
                ),
                ExpectedFinding(
                    "5️⃣", "schema/type",
                    "option 'max' in the setting of rule 'raci/too-many-consulted' must be a number, true or false, or a string, found a list"
                ),
            ])
    }

    func testNullMeansAbsentAndSingleValuesCountAsLists() throws {
        let fixture = """
            kind: process
            id: incident
            name: Incident
            version: 4
            owner: process-owner
            manager: ~
            tags: incident
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
                consulted:
                informed: null
                accountable: [incident-manager, process-owner]
                end: false
                next: close
              - id: close
                name: Close
                responsible: service-desk
                end: True
            ---
            kind: config
            rules:
              raci/too-many-consulted: {severity: warning, max: 3, share: 0.5, strict: true, mode: loose}
              flow/self-loop: off
            """
        XCTAssertDecoding(fixture, [])
        let workspace = Workspace.load(files: [SourceFile(path: "fixture.yaml", bytes: Array(fixture.utf8))])
        let process = try XCTUnwrap(workspace.process(id: "incident"))
        XCTAssertEqual(process.version?.value, 4)
        XCTAssertNil(process.manager)
        XCTAssertEqual(process.tags.values(), ["incident"])
        XCTAssertEqual(process.presentFields, ["kind", "id", "name", "version", "owner", "tags", "activities"])
        let log = try XCTUnwrap(process.activity("log"))
        XCTAssertEqual(log.accountable.values(), ["incident-manager", "process-owner"])
        XCTAssertEqual(log.consulted.count + log.informed.count, 0)
        XCTAssertEqual(log.end?.value, false)
        XCTAssertEqual(process.activity("close")?.isEnd, true)
        guard case .single(let next) = log.next else { return XCTFail("expected a single next") }
        XCTAssertEqual(next.value, "close")
        let setting = try XCTUnwrap(workspace.configs.first?.rules.first)
        XCTAssertEqual(setting.level?.value, .warning)
        XCTAssertEqual(setting.options.map(\.name.value), ["max", "share", "strict", "mode"])
        XCTAssertEqual(setting.options.map(\.value.value), [.number(3), .number(0.5), .bool(true), .string("loose")])
        XCTAssertEqual(workspace.configs.first?.rules.last?.level?.value, .off)
    }
}

extension WrongTypeTests {
    func testQuotedBooleansAndMergeKeysAreExplained() {
        XCTAssertDecoding(
            """
            kind: process
            id: incident
            name: Incident
            owner: process-owner
            1️⃣<<: {manager: incident-manager}
            activities:
              - {id: log, name: Log, end: 2️⃣"true"}
            """,
            [
                ExpectedFinding(
                    "1️⃣", "schema/unknown-key", "unknown key '<<' in process 'incident'",
                    help: "merge keys are not part of YAML 1.2 and procdef does not expand them: write the keys out"),
                ExpectedFinding("2️⃣", "schema/type", "'end' in activity 'log' must be true or false, found the string 'true'"),
            ])
    }
}
