import Foundation
import ProcDef
import ProcDefTestSupport
import XCTest

@testable import ProcDefOutput

/// The views of issue 23 on fixtures that use every shape: the swimlanes with their BPMN marks and legend, the
/// unassigned lane and a shared step, the service blueprint's rows and moments, the Mermaid flowchart, and the
/// runbook of a process with errors (a draft). Golden files in Golden/views/; the real tools' tests are in
/// DiagramLayoutTests and MermaidBrowserTests.
final class DiagramViewsTests: XCTestCase {
    /// Every mark of the legend but a handoff gap's on a cancellation: start and ends, a decision and an approval, a
    /// fork and its join, a cancellation, a wait with a timer, a notification, an automated step of a system, a
    /// request by the customer, a step two roles share, another process and one defined elsewhere, a handoff gap and
    /// a step no one is responsible for; roles in each of the blueprint's rows.
    static let everyShape = """
        kind: roles
        roles:
          owner: {name: Process Owner, kind: owner, team: Service Office}
          manager:
            name: Duty Manager
            kind: manager
            team: Operations
            contact: {pager: duty-manager (paging service), phone: +1 555 0100}
          desk: {name: Service Desk Analyst, kind: practitioner, team: Service Desk, stage: front, contact: "#desk"}
          engineer: {name: Engineer, kind: practitioner, team: Engineering, contact: "#eng"}
          dba: {name: Database Administrator, kind: practitioner, team: Data}
          customer: {name: Customer, kind: customer}
          carrier: {name: Carrier, kind: supplier, team: Carrier NOC, contact: noc@carrier.example}
          pipeline: {name: Deploy Pipeline, kind: system, team: Platform}
        ---
        kind: external-process
        id: vendor-returns
        name: Vendor Returns
        link: https://example.com/returns
        receiver: carrier
        ---
        kind: process
        id: problem
        name: Problem Review
        owner: owner
        activities:
          - id: review
            name: Review the problem
            responsible: engineer
            accountable: manager
            end: true
        ---
        kind: process
        id: shapes
        name: Every Shape
        owner: owner
        manager: manager
        case-owner: desk
        trigger: A customer asks for a repair.
        defaults:
          accountable: manager
        cancel:
          - when: The customer withdraws the request.
            to: close
            from: [diagnose, deploy, wait, notify, verify]
            handoff: {artifact: withdrawal, expectation: The desk closes within 1 hour.}
        activities:
          - id: request
            name: Ask for a repair
            type: request
            responsible: customer
            handoff: {artifact: repair-request, expectation: The desk logs it within 15 minutes.}
          - id: log
            name: Log the request
            responsible: desk
            informed: [customer]
            next:
              - to: approve
                when: The repair costs money.
                handoff: {artifact: quote, expectation: The manager decides within 1 day.}
              - to: diagnose
                when: It is free.
                handoff: {artifact: request-record, expectation: An engineer starts within 4 hours.}
          - id: approve
            name: Approve the cost
            type: approval
            responsible: manager
            consulted: [customer]
            next:
              - to: diagnose
                outcome: approved
                when: The cost is accepted.
                handoff: {artifact: approval, expectation: An engineer starts within 4 hours.}
              - to: close
                outcome: rejected
                when: The cost is refused.
                handoff: {artifact: refusal, expectation: The desk tells the customer within 1 hour.}
          - id: diagnose
            name: Diagnose the fault
            responsible: [engineer, dba]
            target: 4h
            next:
              all:
                - to: deploy
                  handoff: {artifact: fix, expectation: The pipeline deploys it.}
                - to: notify
                  handoff: {artifact: diagnosis, expectation: The desk tells the customer within 1 hour.}
          - id: deploy
            name: Deploy the fix
            type: automated
            responsible: pipeline
            handoff: {artifact: deployment, expectation: The carrier confirms within 4 hours.}
          - id: wait
            name: Wait for the carrier
            type: wait
            responsible: carrier
            timeout:
              after: 4h
              to: escalate
              handoff: {artifact: carrier-ticket, expectation: The manager calls the carrier within 30 minutes.}
            next: verify
            handoff: {artifact: carrier-report, expectation: The engineer verifies within 1 hour.}
          - id: notify
            name: Tell the customer
            type: notification
            responsible: desk
            informed: [customer]
            next: verify
          - id: escalate
            name: Escalate to the carrier's manager
            responsible: manager
            next: verify
            handoff: {artifact: escalation-record, expectation: The engineer verifies within 1 hour.}
          - id: verify
            name: Verify the repair
            responsible: engineer
            join: all
            triggers:
              - process: problem
                when: The fault came back.
                handoff: {artifact: problem-record, expectation: Reviewed within 5 days.}
              - process: vendor-returns
                when: A part must go back.
                handoff: {artifact: return-note, expectation: Collected within 2 days.}
          - id: record
            name: Record the outcome
          - id: close
            name: Close the request
            responsible: desk
            informed: [customer]
            end: true
        """

    static func checked(_ text: String = everyShape, id: String = "shapes") throws -> CheckedProcess {
        var options = CheckOptions(today: CalendarDate(year: 2026, month: 12, day: 1))
        options.keepsProcessContexts = true
        let report = Checker.check(Workspace.load(files: [SourceFile(path: "shapes.yaml", bytes: Array(text.utf8))]), options: options)
        return try XCTUnwrap(CheckedProcess.all(in: report).first { $0.id == id })
    }

    func testTheFixtureHasTheErrorsItIsMeantToHave() throws {
        let process = try Self.checked()
        // No one is responsible for "record", and the notification hands the case to the engineer with nothing.
        XCTAssertEqual(
            process.findings.filter { $0.severity == .error }.map(\.rule).sorted(),
            ["handoff/gap", "raci/responsible-required"])
    }

    func testGoldens() throws {
        let process = try Self.checked()
        assertGolden(DiagramRenderer().render(process), named: "views/shapes.dot")
        assertGolden(DiagramRenderer(view: .blueprint).render(process), named: "views/shapes.blueprint.dot")
        assertGolden(MermaidRenderer().render(process), named: "views/shapes.mmd")
        assertGolden(RunbookRenderer().render(process), named: "views/shapes.md")
    }

    func testTheSwimlanesDrawEveryShape() throws {
        let dot = DiagramRenderer().render(try Self.checked())
        for line in [
            // A thin start, a thick end, each in the lane of its step.
            #""start" [label="", shape=circle, style=filled, fillcolor=white, penwidth=1.5"#,
            #""end_close" [label="", shape=circle, style=filled, fillcolor=white, penwidth=4"#,
            // Exclusive gateways after a decision and an approval, a parallel gateway for the fork and the join.
            #""x_log" [label="×", shape=diamond"#, #""x_approve" [label="×", shape=diamond"#,
            #""fork_0" [label="+", shape=diamond"#, #""join_verify" [label="+", shape=diamond"#,
            // An interrupting event for the cancellation.
            #""cancel_0" [label="⚡", shape=doublecircle"#,
            // The BPMN markers.
            #""a_request" [label="✎ 1. Ask for a repair""#, #""a_approve" [label="✔ 3. Approve the cost""#,
            #""a_deploy" [label="⚙ 5. Deploy the fix""#,
            #""a_wait" [label="◷ 6. Wait for the\ncarrier", tooltip="wait (wait)", style="rounded,filled,dashed""#,
            #""a_notify" [label="✉ 7. Tell the customer""#,
            // Another process, and a dashed box for one defined elsewhere.
            #""p_problem" [label="Problem Review\n(process)", style=filled"#,
            #""p_vendor-returns" [label="Vendor Returns\n(defined elsewhere)", style="dashed,filled""#,
            // A step shared by two roles: drawn in the first one's lane, marked in the other's.
            ##""m_3_dba" [label="↔ 4. Diagnose the\nfault", style="rounded,dashed", fontsize=9, URL="#step-diagnose""##,
            #""a_diagnose" [label="4. Diagnose the\nfault\n(4h)", id="step-diagnose""#,
            // The red lane of steps no one is responsible for.
            #"subgraph "clusterunassigned" {"#, #""unassigned_lane" [label=<unassigned<br/>"#,
            // The timer's edge, dashed and marked.
            #"[label="◷ after 4h\n[carrier-ticket]", shape=plaintext"#,
            // A system's lane has the gear.
            #""lane_pipeline" [label=<⚙ Deploy Pipeline<br/>"#,
        ] {
            XCTAssertTrue(dot.contains(line), "\(line) in\n\(dot)")
        }
        // The lanes in the catalogue's order, the unassigned lane last.
        let lanes = dot.matches(of: /subgraph "cluster_?([a-z-]+)"/).map { String($0.output.1) }
        XCTAssertEqual(lanes, ["manager", "desk", "engineer", "dba", "customer", "carrier", "pipeline", "unassigned"])
        // The shared step's marker is on its step's rank.
        XCTAssertTrue(dot.contains(#"{ rank=same; "a_diagnose"; "m_3_dba"; }"#) == false, "no rank constraints: every node is pinned")
        XCTAssertEqual(Self.position(of: "a_diagnose", in: dot)?.y, Self.position(of: "m_3_dba", in: dot)?.y, dot)
    }

    func testTheLegendShowsOnlyTheMarksUsed() throws {
        let every = DiagramRenderer().render(try Self.checked())
        for entry in DiagramLegend.Entry.allCases where entry != .customerMoment {
            XCTAssertTrue(every.contains(entry.text.meaning.replacingOccurrences(of: "&", with: "&amp;")), "\(entry) in\n\(every)")
        }
        XCTAssertFalse(every.contains("the customer is told or asked"), every)
        // A plain two-step process: a start, an end, nothing else.
        let plain = try Self.checked(
            """
            kind: roles
            roles:
              owner: {name: Owner, kind: owner}
              desk: {name: Desk, kind: practitioner}
            ---
            kind: process
            id: plain
            name: Plain
            owner: owner
            defaults: {accountable: owner}
            activities:
              - {id: one, name: One, responsible: desk}
              - {id: two, name: Two, responsible: desk, end: true}
            """, id: "plain")
        let dot = DiagramRenderer().render(plain)
        XCTAssertTrue(
            dot.contains(
                ##"label=<<table border="0" cellborder="0" cellspacing="0" cellpadding="2"><tr><td><font point-size="18">Plain</font></td></tr><tr><td><font point-size="10" color="#444444">○ start   ·   ◉ end</font></td></tr></table>>;"##
            ), dot)
    }

    func testAShortFlowRunsLeftToRightAndALongOneTopDown() throws {
        let short = DiagramRenderer().render(try Self.checked(Self.chain(3), id: "chain"))
        let long = DiagramRenderer().render(try Self.checked(Self.chain(12), id: "chain"))
        // Left to right: the lanes are rows, so the steps share a y and grow in x.
        let a = try XCTUnwrap(Self.position(of: "a_s1", in: short))
        let b = try XCTUnwrap(Self.position(of: "a_s3", in: short))
        XCTAssertEqual(a.y, b.y, short)
        XCTAssertLessThan(a.x, b.x, short)
        // Top down: the same x, y falling.
        let c = try XCTUnwrap(Self.position(of: "a_s1", in: long))
        let d = try XCTUnwrap(Self.position(of: "a_s12", in: long))
        XCTAssertEqual(c.x, d.x, long)
        XCTAssertGreaterThan(c.y, d.y, long)
    }

    func testTheBlueprintHasItsRowsLinesAndMoments() throws {
        let dot = DiagramRenderer(view: .blueprint).render(try Self.checked())
        for line in [
            #""stage_customer" [label="CUSTOMER\nACTIONS""#, #""stage_front" [label="FRONT STAGE\nseen by the\ncustomer""#,
            #""stage_back" [label="BACK STAGE\nbehind the\ncounter""#, #""stage_support" [label="SUPPORT\nteams, suppliers,\nsystems""#,
            #""line_1" [label="line of\ninteraction""#, #""line_2" [label="line of\nvisibility""#,
            #""line_3" [label="line of\ninternal\ninteraction""#,
            #""line_1" -> "line_end_1" [style=dashed"#,
            // The moments the customer is told or asked something.
            #""t_1_customer" [label="☎ told: Log the request""#, #""t_2_customer" [label="☎ asked: Approve the cost""#,
            ##""a_approve" -> "t_2_customer" [style=dashed, color="#b35c00", dir=both];"##,
            "☎ the customer is told or asked",
        ] {
            XCTAssertTrue(dot.contains(line), "\(line) in\n\(dot)")
        }
        // The lanes by row: the customer's, the desk in front, the people behind, the supplier and the system in support.
        let lanes = dot.matches(of: /subgraph "cluster_?([a-z-]+)"/).map { String($0.output.1) }
        XCTAssertEqual(lanes, ["customer", "desk", "manager", "engineer", "dba", "unassigned", "carrier", "pipeline"])
        // The request crosses the line of interaction: the customer hands it to the desk.
        XCTAssertTrue(
            dot.contains(
                ##""a_request" -> "l_0" [arrowhead=none, style=bold, penwidth=2, color="#b35c00"];"##
            ), dot)
    }

    /// A role called `unassigned` and roles whose ids share the lanes' prefixes (a build with errors keeps ids the check
    /// rejects) each keep a lane of their own.
    func testRoleIdsCannotTakeAnotherLanesNodes() throws {
        let text = """
            kind: roles
            roles:
              owner: {name: Owner, kind: owner}
              unassigned: {name: Unassigned Desk, kind: practitioner}
              x: {name: X, kind: practitioner}
              end_x: {name: End X, kind: practitioner}
            ---
            kind: process
            id: clash
            name: Clash
            owner: owner
            defaults: {accountable: owner}
            activities:
              - {id: one, name: One, responsible: unassigned}
              - {id: two, name: Two, responsible: x}
              - {id: three, name: Three, responsible: end_x}
              - {id: four, name: Four, end: true}
            """
        let dot = DiagramRenderer().render(try Self.checked(text, id: "clash"))
        let ids = dot.split(separator: "\n").compactMap { line in line.firstMatch(of: /^ *"([^"]+)" \[/).map { String($0.output.1) } }
        XCTAssertEqual(ids.count, Set(ids).count, "a node declared twice: \(ids)")
        let clusters = dot.matches(of: /subgraph "([^"]+)"/).map { String($0.output.1) }
        XCTAssertEqual(clusters, ["cluster_unassigned", "cluster_x", "cluster_end_x", "clusterunassigned"])
    }

    func testAnEmptyRowKeepsItsPlace() throws {
        let plain = try Self.checked(Self.chain(2), id: "chain")
        let dot = DiagramRenderer(view: .blueprint).render(plain)
        XCTAssertTrue(dot.contains(#""empty_lane_customer" [label=<no role>"#), dot)
        XCTAssertTrue(dot.contains(#""empty_lane_front" [label=<no role>"#), dot)
        XCTAssertTrue(dot.contains(#""empty_lane_support" [label=<no role>"#), dot)
        XCTAssertFalse(dot.contains(#""empty_lane_back""#), dot)
    }

    func testTheRunbookIsADraftWithItsControlsAndTheCustomersSide() throws {
        let runbook = RunbookRenderer().render(try Self.checked())
        let head = """
            > **Draft: do not follow this runbook as written.** It was built from a definition with 2 errors, listed under [For reviewers](#for-reviewers).

            # Every Shape

            > **First five minutes**
            >
            > - **What starts it:** A customer asks for a repair.
            > - **Who answers for the case:** Service Desk Analyst (\\#desk)
            > - **First step:** [1. Ask for a repair](#1-ask-for-a-repair), done by Customer
            > - **Stuck? Call:** Duty Manager (pager: duty-manager (paging service); phone: +1 555 0100); then Process Owner

            """
        XCTAssertEqual(String(runbook.prefix(head.count)), head)
        XCTAssertTrue(
            runbook.contains(
                """
                ## What the customer sees

                A service has two sides: what the customer sees, and what happens behind the counter. These are the moments the customer sees, in order; every other step happens out of their sight.

                - [1. Ask for a repair](#1-ask-for-a-repair): the customer does it (Customer)
                - [2. Log the request](#2-log-the-request): Service Desk Analyst deals with the customer; Customer is told
                - [3. Approve the cost](#3-approve-the-cost): Customer is asked
                - [7. Tell the customer](#7-tell-the-customer): Service Desk Analyst deals with the customer; Customer is told
                - [11. Close the request](#11-close-the-request): Service Desk Analyst deals with the customer; Customer is told
                """), runbook)
        XCTAssertTrue(
            runbook.contains(
                """
                | [6. Wait for the carrier](#6-wait-for-the-carrier) | ◷ 4 hours without an end | Duty Manager at [8. Escalate to the carrier's manager](#8-escalate-to-the-carriers-manager) | pager: duty-manager (paging service); phone: +1 555 0100 |
                """), runbook)
        XCTAssertTrue(
            runbook.contains(
                "| **error** | raci/responsible-required | shapes.yaml:125:9 | activity 'record' (Record the outcome) has no responsible role |\n"
            ),
            runbook)
        XCTAssertTrue(runbook.contains("```mermaid\nflowchart TB\n"), runbook)
    }

    func testTheChangeHistoryIsReadFromOneGitLog() throws {
        // Two commits; a subject holding the separators of other formats (U+001E, U+001F) and Markdown stays one
        // subject, and a file outside the definitions is ignored.
        let log =
            "\u{0}abc1234\u{0}2026-11-30\u{0}Ana\u{0}Shorter targets \u{1E}x\u{1F}<img src=x>\u{0}\n\nProcesses/a.yaml\nProcesses/b.yaml\nREADME.md\n"
            + "\u{0}def5678\u{0}2026-11-01\u{0}Bo\u{0}First version\u{0}\n\nProcesses/a.yaml\n"
        let files = ["Processes/a.yaml": "./Processes/a.yaml", "Processes/b.yaml": "Processes/b.yaml"]
        let history = ChangeHistory.parse(log, files: files)
        XCTAssertEqual(
            history.records(for: "./Processes/a.yaml"),
            [
                ChangeHistory.Record(
                    commit: "abc1234", date: "2026-11-30", author: "Ana", subject: "Shorter targets \u{1E}x\u{1F}<img src=x>"),
                ChangeHistory.Record(commit: "def5678", date: "2026-11-01", author: "Bo", subject: "First version"),
            ])
        XCTAssertEqual(history.records(for: "Processes/b.yaml").map(\.commit), ["abc1234"])
        XCTAssertEqual(history.records(for: "README.md"), [])
        // The runbook writes the subject as text, never as Markdown or HTML.
        let runbook = RunbookRenderer(history: ChangeHistory.parse(log, files: ["shapes.yaml": "shapes.yaml"])).render(try Self.checked())
        XCTAssertTrue(runbook.contains("### Change history\n\nNo commit has changed the definition yet.\n"), runbook)
        let written = RunbookRenderer(history: ChangeHistory(byFile: ["shapes.yaml": history.records(for: "./Processes/a.yaml")]))
            .render(try Self.checked())
        XCTAssertTrue(written.contains("| 2026-11-30 | Shorter targets \u{FFFD}x\u{FFFD}&lt;img src=x&gt; | Ana | `abc1234` |\n"), written)
    }

    func testTheRolesCSVNamesEveryRole() throws {
        let report = Checker.check(Workspace.load(files: [SourceFile(path: "shapes.yaml", bytes: Array(Self.everyShape.utf8))]))
        XCTAssertEqual(
            RolesCSVRenderer().render(report.workspace),
            "id,name,kind,team\r\nowner,Process Owner,owner,Service Office\r\nmanager,Duty Manager,manager,Operations\r\n"
                + "desk,Service Desk Analyst,practitioner,Service Desk\r\nengineer,Engineer,practitioner,Engineering\r\n"
                + "dba,Database Administrator,practitioner,Data\r\ncustomer,Customer,customer,\r\ncarrier,Carrier,supplier,Carrier NOC\r\n"
                + "pipeline,Deploy Pipeline,system,Platform\r\n")
    }

    func testMermaidTextEscapesWhatMermaidAndMarkdownRead() {
        XCTAssertEqual(MermaidText.escape(#"say "hi" #1; a|b <b>&"#), ##"say #quot;hi#quot; #35;1#59; a#124;b \#lt;b\#gt;#amp;"##)
        XCTAssertEqual(
            MermaidText.escape("See https://status.example.com, ops@example.com, WWW.example.com <http://e.com>; p1: 30m"),
            ##"See https\://status.example.com, ops\@example.com, WWW\.example.com \#lt;http\://e.com\#gt;#59; p1: 30m"##)
        XCTAssertEqual(MermaidText.escape("  1. Desk\n    code"), #"1\. Desk<br/>code"#)
        XCTAssertEqual(
            MermaidText.escape("1. Log\n2) Fix\n- item\n+ more\n# head\n> quote"),
            ##"1\. Log<br/>2\) Fix<br/>\- item<br/>\+ more<br/>\#35; head<br/>\#gt; quote"##)
        XCTAssertEqual(MermaidText.escape(#"*a* _b_ ~c~ `d` \ [x](y) [z]"#), #"\*a\* \_b\_ \~c\~ \`d\` \\ #91;x\](y) #91;z#93;"#)
        XCTAssertEqual(MermaidText.escape("a\r\nb\rc\u{2028}d\te"), "a<br/>b<br/>c<br/>d e")
        XCTAssertEqual(MermaidText.escape("x\u{202E}y\u{0007}z\u{0085}é 日本"), "x\u{FFFD}y\u{FFFD}z<br/>é 日本")
        XCTAssertEqual(MermaidText.escape("- not at the start - here, 3. nor here"), #"\- not at the start - here, 3. nor here"#)
    }

    /// docs/outputs.md shows each view's explanation as `procdef explain` prints it (RECORD_GOLDEN=1 rewrites it).
    func testTheOutputsPageHoldsEachViewsExplanation() throws {
        let url = ShippedExamplesBuildTests.repository.appendingPathComponent("docs/outputs.md")
        let page = try String(contentsOf: url, encoding: .utf8)
        for topic in ViewTopic.allCases {
            XCTAssertTrue(page.contains("```text\n" + topic.terminalText + "```\n"), "\(topic) in docs/outputs.md")
        }
        XCTAssertTrue(
            ViewTopic.blueprint.terminalText.hasPrefix("blueprint: the two sides of the service (diagrams/<id>.blueprint.dot)\n\n"))
        XCTAssertTrue(ViewTopic.blueprint.terminalText.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    // MARK: Helpers

    /// A process of `count` steps in a row, all by one role.
    static func chain(_ count: Int) -> String {
        var text = """
            kind: roles
            roles:
              owner: {name: Owner, kind: owner}
              desk: {name: Desk, kind: practitioner}
            ---
            kind: process
            id: chain
            name: Chain
            owner: owner
            defaults: {accountable: owner}
            activities:

            """
        for n in 1...count { text += "  - {id: s\(n), name: Step \(n), responsible: desk\(n == count ? ", end: true" : "")}\n" }
        return text
    }

    /// The pinned position of a node: `pos="x,y!"`.
    static func position(of node: String, in dot: String) -> (x: Double, y: Double)? {
        guard let line = dot.split(separator: "\n").first(where: { $0.contains("\"\(node)\" [") }),
            let match = line.firstMatch(of: /pos="(-?[0-9.]+),(-?[0-9.]+)!"/),
            let x = Double(match.output.1), let y = Double(match.output.2)
        else { return nil }
        return (x, y)
    }
}
