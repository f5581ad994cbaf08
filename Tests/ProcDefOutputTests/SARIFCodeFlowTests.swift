import Foundation
import ProcDef
import ProcDefOutput
import ProcDefTestSupport
import XCTest

/// Witness paths as SARIF code flows and subjects as result properties, on a real check: a handoff gap, a policy
/// that fails along a path, and an expired waiver.
final class SARIFCodeFlowTests: XCTestCase {
    static let files: [(String, String)] = [
        (
            "roles.yaml",
            """
            kind: roles
            roles:
              owner: {name: Process Owner, kind: owner}
              manager: {name: Incident Manager, kind: manager}
              desk: {name: Service Desk, kind: practitioner}
              resolver: {name: Resolver Group, kind: practitioner}
            """
        ),
        (
            "Processes/incident.yaml",
            """
            kind: process
            id: incident
            name: Incident
            owner: owner
            manager: manager
            tags: [incident]
            defaults: {accountable: manager}
            activities:
              - id: log
                name: Log
                responsible: desk
                next: diagnose
              - id: diagnose
                name: Diagnose
                responsible: resolver
                tags: [diagnosis]
            waivers:
              - policy: recorded-first
                reason: Recording moves into log next quarter.
                until: 2026-05-31
            """
        ),
        (
            "Policies/recorded-first.yaml",
            """
            kind: policy
            id: recorded-first
            title: Incidents are recorded before diagnosis
            severity: error
            applies-to: {tags: [incident]}
            require:
              before: {first: {records: incident}, then: {tag: diagnosis}}
            """
        ),
    ]

    private func render() -> String {
        let options = CheckOptions(today: CalendarDate(year: 2026, month: 6, day: 1))
        let report = Checker.check(files: Self.files.map { SourceFile(path: $0.0, bytes: Array($0.1.utf8)) }, options: options)
        return SARIFRenderer(toolVersion: "test").render(report)
    }

    private func results(_ sarif: String) throws -> [String: [String: Any]] {
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let run = try XCTUnwrap((object["runs"] as? [[String: Any]])?.first)
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        var byRule: [String: [String: Any]] = [:]
        for result in results {
            if let rule = result["ruleId"] as? String { byRule[rule] = result }
        }
        return byRule
    }

    /// `(uri, startLine, message)` of each thread-flow location of the result's one code flow.
    private func steps(_ result: [String: Any]?) throws -> [String] {
        let flows = try XCTUnwrap(result?["codeFlows"] as? [[String: Any]])
        XCTAssertEqual(flows.count, 1)
        let threads = try XCTUnwrap(flows.first?["threadFlows"] as? [[String: Any]])
        XCTAssertEqual(threads.count, 1)
        let locations = try XCTUnwrap(threads.first?["locations"] as? [[String: Any]])
        return locations.map { entry in
            let location = entry["location"] as? [String: Any]
            let physical = location?["physicalLocation"] as? [String: Any]
            let uri = (physical?["artifactLocation"] as? [String: Any])?["uri"] as? String ?? "?"
            let line = (physical?["region"] as? [String: Any])?["startLine"] as? Int ?? 0
            let message = (location?["message"] as? [String: Any])?["text"] as? String ?? "?"
            return "\(uri):\(line) \(message)"
        }
    }

    private func subjects(_ result: [String: Any]?) -> NSDictionary? {
        ((result?["properties"] as? [String: Any])?["subjects"] as? [String: Any]).map { $0 as NSDictionary }
    }

    func testPathsBecomeCodeFlowsAndSubjectsBecomeProperties() throws {
        let results = try results(render())
        XCTAssertEqual(
            try steps(results["handoff/gap"]),
            [
                "Processes/incident.yaml:9 'log' is done by 'desk'",
                "Processes/incident.yaml:12 the case passes to 'diagnose'",
                "Processes/incident.yaml:13 'diagnose' is done by 'resolver'",
            ])
        XCTAssertEqual(
            subjects(results["handoff/gap"]),
            ["process": "incident", "activities": ["log", "diagnose"], "roles": ["desk", "resolver"]] as NSDictionary)

        XCTAssertEqual(
            try steps(results["policy/recorded-first"]),
            [
                "Processes/incident.yaml:9 the case starts at 'log'",
                "Processes/incident.yaml:13 'diagnose' is reached without passing an activity that records 'incident'",
            ])
        XCTAssertEqual(
            subjects(results["policy/recorded-first"]),
            ["process": "incident", "activities": ["diagnose"], "policy": "recorded-first"] as NSDictionary)

        XCTAssertNil(results["waiver/expired"]?["codeFlows"], "no path, no code flow")
        XCTAssertEqual(
            subjects(results["waiver/expired"]),
            [
                "process": "incident", "policy": "recorded-first", "waiver": ["process": "incident", "policy": "recorded-first"],
            ] as NSDictionary)
    }

    /// The official SARIF 2.1.0 schema, as `.ci/run` checks it: from `PROCDEF_SARIF_SCHEMA`, else the copy vendored
    /// in Tests/schemas.
    func testTheReportValidatesAgainstTheSARIFSchema() throws {
        let validator = try OptionalTool.checkJSONSchema.require()
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let schema =
            ProcessInfo.processInfo.environment["PROCDEF_SARIF_SCHEMA"]
            ?? root.appendingPathComponent("Tests/schemas/sarif-schema-2.1.0.json").path
        guard FileManager.default.isReadableFile(atPath: schema) else {
            return XCTFail("the SARIF 2.1.0 schema is not at \(schema): it is vendored in Tests/schemas")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("procdef-sarif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let report = directory.appendingPathComponent("report.sarif.json")
        try Data(render().utf8).write(to: report)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: validator)
        process.arguments = ["--schemafile", schema, report.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, printed)
    }
}
