import XCTest

@testable import ProcDef

/// The standard catalogue with an automated actor.
let systemCatalogue = standardCatalogue + "  pipeline: {name: CI/CD Pipeline, kind: system, team: Platform Engineering}\n"

/// `system` roles and `type: automated` steps: `raci/system-role-misuse`, and what the other rules make of a machine.
final class SystemRoleTests: XCTestCase {
    private let rule = "raci/system-role-misuse"

    func testEveryMisuseIsReportedAtItsEntry() {
        XCTAssertFindings(
            """
            kind: process
            id: release
            name: Release
            owner: process-owner
            manager: incident-manager
            case-owner: 1️⃣pipeline
            defaults:
              accountable: incident-manager
            activities:
              - id: build
                name: Build the release
                responsible: 2️⃣pipeline
                consulted: [3️⃣pipeline]
                handoff:
                  artifact: build
                  expectation: The resolver tests within 1 day.
                  informed: [4️⃣pipeline]
              - id: test
                name: Test the release
                type: automated
                responsible: 5️⃣resolver
                accountable: 6️⃣pipeline
                informed: [7️⃣pipeline]
                handoff:
                  artifact: test-report
              - id: deploy
                name: Deploy
                type: automated
                responsible: pipeline
                end: true
            """, rules: [rule], extraFiles: ["roles.yaml": systemCatalogue],
            [
                ExpectedFinding(
                    "1️⃣", rule, "system role 'pipeline' (CI/CD Pipeline) is the case owner of process 'release'", severity: .error,
                    help: "the case owner answers for the whole case: name a person's role, and let the system do automated steps"),
                ExpectedFinding(
                    "2️⃣", rule,
                    "system role 'pipeline' (CI/CD Pipeline) is responsible for 'build' (Build the release), which is not an automated step",
                    help: "mark the step `type: automated`, or make a person's role responsible for it"),
                ExpectedFinding(
                    "3️⃣", rule, "system role 'pipeline' (CI/CD Pipeline) is consulted on 'build' (Build the release)",
                    help: "a system gives no advice: consult the people who run it, or make the query an automated step of its own"),
                ExpectedFinding(
                    "4️⃣", rule, "system role 'pipeline' (CI/CD Pipeline) is informed of a handoff of 'build' (Build the release)",
                    help: "a system reads no notice: inform the people who run it, or make the call to it an automated step"),
                ExpectedFinding(
                    "5️⃣", rule,
                    "practitioner role 'resolver' (Resolver Group) is responsible for automated 'test' (Test the release); an automated step is done by a system role",
                    help: "make a `system` role (the pipeline, the tool) responsible, or drop `type: automated` if a person does it"),
                ExpectedFinding(
                    "6️⃣", rule, "system role 'pipeline' (CI/CD Pipeline) is accountable for 'test' (Test the release)",
                    help: "a system answers to someone: make that person's role accountable, and keep the system responsible"),
                ExpectedFinding(
                    "7️⃣", rule, "system role 'pipeline' (CI/CD Pipeline) is informed on 'test' (Test the release)",
                    help: "a system reads no notice: inform the people who run it, or make the call to it an automated step"),
            ])
    }

    /// The handoffs of triggers and cancellations inform no machine either.
    func testASystemInformedOfATriggerOrCancellationHandoffIsReported() {
        XCTAssertFindings(
            """
            kind: process
            id: release
            name: Release
            owner: process-owner
            manager: incident-manager
            defaults:
              accountable: incident-manager
            activities:
              - id: build
                name: Build the release
                responsible: resolver
                triggers:
                  - process: release
                    handoff: {artifact: build, expectation: Started again within a day., informed: [1️⃣pipeline]}
              - id: close
                name: Close the release
                responsible: resolver
                end: true
            cancel:
              - when: The release is withdrawn.
                to: close
                handoff: {artifact: build, expectation: Closed within a day., informed: [2️⃣pipeline]}
            """, rules: [rule], extraFiles: ["roles.yaml": systemCatalogue],
            [
                ExpectedFinding(
                    "1️⃣", rule, "system role 'pipeline' (CI/CD Pipeline) is informed of a handoff of 'build' (Build the release)",
                    help: "a system reads no notice: inform the people who run it, or make the call to it an automated step"),
                ExpectedFinding(
                    "2️⃣", rule, "system role 'pipeline' (CI/CD Pipeline) is informed of the handoff of the cancellation to 'close'",
                    help: "a system reads no notice: inform the people who run it, or make the call to it an automated step"),
            ])
    }

    /// A timer's handoff informs no machine either.
    func testASystemInformedOfATimersHandoffIsReported() {
        XCTAssertFindings(
            """
            kind: process
            id: release
            name: Release
            owner: process-owner
            manager: incident-manager
            defaults:
              accountable: incident-manager
            activities:
              - id: build
                name: Build the release
                responsible: resolver
                timeout:
                  after: 1d
                  to: close
                  handoff: {artifact: build, expectation: Closed within a day., informed: [1️⃣pipeline]}
              - id: test
                name: Test the release
                responsible: resolver
              - id: close
                name: Close the release
                responsible: resolver
                end: true
            """, rules: [rule], extraFiles: ["roles.yaml": systemCatalogue],
            [
                ExpectedFinding(
                    "1️⃣", rule, "system role 'pipeline' (CI/CD Pipeline) is informed of a handoff of 'build' (Build the release)",
                    severity: .error,
                    help: "a system reads no notice: inform the people who run it, or make the call to it an automated step")
            ])
    }

    func testASystemAccountableThroughTheDefaultIsReportedOnceAtTheDefault() {
        XCTAssertFindings(
            """
            kind: process
            id: release
            name: Release
            owner: process-owner
            manager: incident-manager
            defaults:
              accountable: 1️⃣pipeline
            activities:
              - id: deploy
                name: Deploy
                type: automated
                responsible: pipeline
              - id: check
                name: Check the deployment
                type: automated
                responsible: pipeline
                end: true
            """, rules: [rule], extraFiles: ["roles.yaml": systemCatalogue],
            [
                ExpectedFinding(
                    "1️⃣", rule,
                    "system role 'pipeline' (CI/CD Pipeline) is accountable, through `defaults.accountable`, for activities 'deploy' (Deploy) and 1 more",
                    help: "a system answers to someone: make that person's role the default accountable")
            ])
    }

    /// A handoff to a machine needs its artifact only; one from a machine to people needs what they commit to. An
    /// automated step with a human accountable role is clean.
    func testAHandoffToASystemNeedsNoExpectationAndOneFromItDoes() {
        XCTAssertFindings(
            """
            kind: process
            id: release
            name: Release
            owner: process-owner
            manager: incident-manager
            defaults:
              accountable: incident-manager
            activities:
              - id: merge
                name: Merge the change
                responsible: resolver
                outputs: [merge-commit]
                handoff:
                  artifact: merge-commit
              - id: deploy
                name: Deploy
                type: automated
                responsible: pipeline
                inputs: [merge-commit]
                outputs: [deployment-log]
                handoff:
                  1️⃣artifact: deployment-log
              - id: verify
                name: Verify the deployment
                responsible: resolver
                inputs: [deployment-log]
                end: true
            """, extraFiles: ["roles.yaml": systemCatalogue],
            [
                ExpectedFinding(
                    "1️⃣", "handoff/missing-expectation",
                    "the handoff from 'deploy' (Deploy) to 'verify' (Verify the deployment) does not say what the receiver commits to",
                    severity: .warning,
                    help:
                        "add `expectation:` with what 'resolver' (Resolver Group) commits to, e.g. `expectation: Acknowledged within 30 minutes.`"
                )
            ])
    }

    /// A pipeline that runs every automated step is nobody's workload: only people's shares are counted.
    func testASystemRoleIsNotCountedAsOverloaded() {
        XCTAssertFindings(
            """
            kind: process
            id: release
            name: Release
            owner: process-owner
            manager: incident-manager
            defaults:
              accountable: incident-manager
            activities:
              - {id: a, name: A, type: automated, responsible: pipeline}
              - {id: b, name: B, type: automated, responsible: pipeline}
              - {id: c, name: C, type: automated, responsible: pipeline}
              - {id: d, name: D, type: automated, responsible: pipeline}
              - {id: e, name: E, type: automated, responsible: pipeline}
              - {id: f, name: F, type: automated, responsible: pipeline}
              - {id: g, name: G, type: automated, responsible: pipeline, end: true}
            """, rules: ["raci/overloaded-role", rule], extraFiles: ["roles.yaml": systemCatalogue], [])
    }

    func testPolicySelectorsMatchOnTheStepType() {
        XCTAssertFindings(
            """
            kind: process
            id: release
            name: Release
            owner: process-owner
            manager: incident-manager
            defaults:
              accountable: incident-manager
            policies: [approvals-have-an-owner]
            activities:
              - id: approve
                name: Approve the release
                type: approval
                responsible: incident-manager
              - id: 1️⃣sign-off
                name: Sign off
                type: approval
                responsible: resolver
              - id: deploy
                name: Deploy
                responsible: resolver
                end: true
            """, rules: ["policy/approvals-have-an-owner"],
            extraFiles: [
                "policy.yaml": """
                kind: policy
                id: approvals-have-an-owner
                title: Approvals are made by managers
                severity: error
                require:
                  all:
                    of: {type: [approval, request]}
                    match: {responsible-kind: manager}
                """
            ],
            [
                ExpectedFinding(
                    "1️⃣", "policy/approvals-have-an-owner",
                    "activity 'sign-off' (Sign off) is an approval or a request step but does not have a manager role responsible")
            ])
    }
}
