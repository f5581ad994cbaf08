import XCTest

@testable import ProcDef

final class OverloadedRoleTests: XCTestCase {
    private let rule = "raci/overloaded-role"
    private let today = CalendarDate(year: 2026, month: 6, day: 1)

    private func options(_ values: [String: Double]) -> CheckOptions {
        CheckOptions(today: today, rules: RuleConfiguration(options: [rule: values]))
    }

    /// service-desk is responsible for 9 of 10 activities (over); resolver is accountable for 5 and comms consulted
    /// on 6, both exactly at their limits; the manager is accountable for the rest through the default.
    private let serviceRequest = """
        kind: process
        id: service-request
        name: Service Request Fulfilment
        owner: process-owner
        manager: incident-manager
        defaults:
          accountable: incident-manager
        activities:
          - {id: receive, name: Receive the request, responsible: 1️⃣service-desk, accountable: resolver, consulted: [comms]}
          - {id: validate, name: Validate the request, responsible: service-desk, accountable: resolver, consulted: [comms]}
          - {id: approve, name: Approve the request, responsible: service-desk, accountable: resolver, consulted: [comms]}
          - {id: source, name: Source the items, responsible: service-desk, accountable: resolver, consulted: [comms]}
          - {id: build, name: Build the items, responsible: network, accountable: resolver, consulted: [comms]}
          - {id: test, name: Test the items, responsible: service-desk, consulted: [comms]}
          - {id: deliver, name: Deliver the items, responsible: service-desk}
          - {id: confirm, name: Confirm with the user, responsible: service-desk}
          - {id: survey, name: Survey the user, responsible: service-desk}
          - {id: close, name: Close the request, responsible: service-desk}
        """

    func testResponsibleOverTheLimitWhileOtherSharesSitExactlyAtTheirs() {
        XCTAssertFindings(
            serviceRequest, rules: [rule],
            [
                ExpectedFinding(
                    "1️⃣", rule, "'service-desk' (Service Desk Analyst) is responsible for 9 of 10 activities (90%, over the 70% limit)",
                    severity: .note,
                    help:
                        "spread the work: make other roles responsible for some of these activities, or split 'service-desk' into roles with narrower jobs"
                )
            ])
    }

    func testSharesAreOptions() {
        XCTAssertFindings(serviceRequest, rules: [rule], options: options(["responsible-share": 0.9]), [])
    }

    func testAccountableByDefaultAndConsultedOverTheirLimits() {
        XCTAssertFindings(
            """
            kind: process
            id: service-request
            name: Service Request Fulfilment
            owner: process-owner
            manager: incident-manager
            defaults:
              accountable: 1️⃣resolver
            activities:
              - {id: receive, name: Receive the request, responsible: service-desk, accountable: incident-manager, consulted: [2️⃣comms]}
              - {id: validate, name: Validate the request, responsible: service-desk, accountable: incident-manager, consulted: [comms]}
              - {id: approve, name: Approve the request, responsible: service-desk, accountable: incident-manager, consulted: [comms]}
              - {id: source, name: Source the items, responsible: service-desk, accountable: incident-manager, consulted: [comms]}
              - {id: build, name: Build the items, responsible: network, consulted: [comms]}
              - {id: test, name: Test the items, responsible: network, consulted: [comms, sponsor]}
              - {id: deliver, name: Deliver the items, responsible: network, consulted: [comms]}
              - {id: confirm, name: Confirm with the user, responsible: service-desk}
              - {id: survey, name: Survey the user, responsible: service-desk}
              - {id: close, name: Close the request, responsible: service-desk}
            """, rules: [rule],
            [
                ExpectedFinding(
                    "1️⃣", rule, "'resolver' (Resolver Group) is accountable for 6 of 10 activities (60%, over the 50% limit)",
                    help:
                        "give parts of the process their own accountable role (e.g. the lead of the team doing that part), so accountability stays meaningful"
                ),
                ExpectedFinding(
                    "2️⃣", rule, "'comms' (Communications Lead) is consulted on 7 of 10 activities (70%, over the 60% limit)",
                    help: "consult 'comms' only where its input can change the outcome, and move it to `informed` elsewhere"
                ),
            ])
    }

    func testExplicitAccountabilityPointsAtTheFirstAccountableEntryWithFractionalPercentages() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            activities:
              - {id: log, name: Log the incident, responsible: service-desk, accountable: 1️⃣comms}
              - {id: categorize, name: Categorize and prioritize, responsible: service-desk, accountable: comms}
              - {id: diagnose, name: Investigate and diagnose, responsible: resolver, accountable: comms}
              - {id: resolve, name: Resolve the incident, responsible: resolver, accountable: comms}
              - {id: confirm, name: Confirm resolution with the user, responsible: service-desk, accountable: incident-manager}
              - {id: close, name: Close the incident, responsible: service-desk, accountable: incident-manager}
            """, rules: [rule],
            [
                ExpectedFinding(
                    "1️⃣", rule, "'comms' (Communications Lead) is accountable for 4 of 6 activities (66.7%, over the 50% limit)",
                    help:
                        "give parts of the process their own accountable role (e.g. the lead of the team doing that part), so accountability stays meaningful"
                )
            ])
    }

    func testTheProcessOwnerAndManagerMayBeAccountableForEverything() {
        XCTAssertFindings(
            """
            kind: process
            id: incident-management
            name: Incident Management
            owner: process-owner
            manager: incident-manager
            defaults:
              accountable: incident-manager
            activities:
              - {id: log, name: Log the incident, responsible: service-desk}
              - {id: categorize, name: Categorize and prioritize, responsible: service-desk}
              - {id: diagnose, name: Investigate and diagnose, responsible: resolver, accountable: process-owner}
              - {id: resolve, name: Resolve the incident, responsible: resolver}
              - {id: close, name: Close the incident, responsible: network, accountable: process-owner}
            """, rules: [rule], [])
    }

    private let smallProcess = """
        kind: process
        id: password-reset
        name: Password Reset
        owner: process-owner
        defaults:
          accountable: 2️⃣resolver
        activities:
          - {id: verify, name: Verify the caller, responsible: 1️⃣service-desk}
          - {id: reset, name: Reset the password, responsible: service-desk}
          - {id: confirm, name: Confirm the user can log in, responsible: service-desk}
        """

    func testSmallProcessesAreLeftAlone() {
        XCTAssertFindings(smallProcess, rules: [rule], [])
    }

    func testTheMinimumProcessSizeIsAnOption() {
        XCTAssertFindings(
            smallProcess, rules: [rule], options: options(["min-activities": 3]),
            [
                ExpectedFinding(
                    "1️⃣", rule, "'service-desk' (Service Desk Analyst) is responsible for 3 of 3 activities (100%, over the 70% limit)",
                    help:
                        "spread the work: make other roles responsible for some of these activities, or split 'service-desk' into roles with narrower jobs"
                ),
                ExpectedFinding(
                    "2️⃣", rule, "'resolver' (Resolver Group) is accountable for 3 of 3 activities (100%, over the 50% limit)",
                    help:
                        "give parts of the process their own accountable role (e.g. the lead of the team doing that part), so accountability stays meaningful"
                ),
            ])
    }
}
