import XCTest

@testable import ProcDef

/// `other-person-than` and `same-person-as`: what the handoff rules and a policy's `separate` make of them.
final class FourEyesTests: XCTestCase {
    private let fourEyesPolicy = """
        kind: policy
        id: four-eyes
        title: Changes are reviewed by someone other than their author
        severity: error
        require:
          separate:
            - {tag: authoring}
            - {tag: reviewing}
        """

    /// The same role on both sides, another person: a change of hands, so a gap without a handoff; with one, no
    /// `handoff/unneeded`. One person on both sides (`same-person-as`), whatever the roles: no gap, and a declared
    /// handoff is unneeded.
    func testFourEyesWithinARoleChangesHandsAndOnePersonDoesNot() {
        XCTAssertFindings(
            """
            kind: process
            id: code-change
            name: Code Change
            owner: process-owner
            manager: incident-manager
            defaults:
              accountable: incident-manager
            activities:
              - id: 1️⃣commit
                name: Commit the change
                responsible: resolver
              - id: review
                name: Review the change
                type: approval
                responsible: resolver
                other-person-than: commit
                handoff:
                  2️⃣artifact: approved-change
                  expectation: Merged within the window.
              - id: merge
                name: Merge the change
                responsible: service-desk
                same-person-as: review
                end: true
            """, rules: ["handoff/gap", "handoff/unneeded"],
            [
                ExpectedFinding(
                    "1️⃣", "handoff/gap",
                    "responsibility passes from 'resolver' (Resolver Group) at 'commit' (Commit the change) to another person in the same role, as `other-person-than` asks, at 'review' (Review the change) with no handoff declared",
                    severity: .error),
                ExpectedFinding(
                    "2️⃣", "handoff/unneeded",
                    "the handoff from 'review' (Review the change) to 'merge' (Merge the change) is declared where one person does both steps (`same-person-as`)",
                    severity: .note,
                    help: "remove the `handoff:`, or remove `same-person-as` if another person takes the work over"),
            ])
    }

    func testAHandoffToAnotherPersonInTheSameRoleIsNotUnneeded() {
        XCTAssertFindings(
            """
            kind: process
            id: code-change
            name: Code Change
            owner: process-owner
            manager: incident-manager
            defaults:
              accountable: incident-manager
            activities:
              - id: commit
                name: Commit the change
                responsible: resolver
                handoff:
                  artifact: pull-request
                  expectation: A second engineer reviews within 1 business day.
              - id: review
                name: Review the change
                responsible: resolver
                other-person-than: commit
                end: true
            """, rules: ["handoff/gap", "handoff/unneeded", "handoff/missing-expectation"], [])
    }

    /// `separate` holds between one role's activities when the later declares `other-person-than` the earlier, fails
    /// without it, and fails for a `same-person-as` pair even when the roles differ.
    func testSeparateCountsPeopleNotOnlyRoles() {
        XCTAssertFindings(
            """
            kind: process
            id: code-change
            name: Code Change
            owner: process-owner
            manager: incident-manager
            policies: [four-eyes]
            defaults:
              accountable: incident-manager
            activities:
              - id: commit
                name: Commit the change
                responsible: resolver
                tags: [authoring]
                handoff: {artifact: change, expectation: Reviewed in a day.}
              - id: review
                name: Review the change
                responsible: resolver
                other-person-than: commit
                tags: [reviewing]
              - id: approve
                name: Approve the change
                responsible: 1️⃣resolver
                tags: [reviewing]
                handoff: {artifact: change, expectation: Deployed in a day.}
              - id: deploy
                name: Deploy the change
                responsible: service-desk
                same-person-as: 2️⃣commit
                tags: [reviewing]
                end: true
            """, rules: ["policy/four-eyes"], extraFiles: ["policy.yaml": fourEyesPolicy],
            [
                ExpectedFinding(
                    "1️⃣", "policy/four-eyes",
                    "role 'resolver' (Resolver Group) is responsible for 'commit' (Commit the change) and 'approve' (Approve the change); these duties must be separate",
                    help: "policy 'four-eyes': Changes are reviewed by someone other than their author"),
                ExpectedFinding(
                    "2️⃣", "policy/four-eyes",
                    "'deploy' (Deploy the change) is done by the same person as 'commit' (Commit the change) (`same-person-as`); these duties must be separate",
                    help: "policy 'four-eyes': Changes are reviewed by someone other than their author"),
            ])
    }
}

/// `consulted` and `informed` entries written `{role, when}`.
final class ConditionalInvolvementTests: XCTestCase {
    /// A role consulted only under a condition is not kept in the loop on the other runs: informing it is not
    /// redundant, unless the informing has the same condition.
    func testInformingARoleConsultedUnderAConditionIsNotRedundant() {
        XCTAssertFindings(
            """
            kind: process
            id: incident
            name: Incident
            owner: process-owner
            manager: incident-manager
            defaults:
              accountable: incident-manager
            activities:
              - id: assess
                name: Assess severity
                responsible: service-desk
                consulted: [{role: network, when: The network is involved.}, {role: comms, when: P1 only.}]
                informed: [network, {role: 1️⃣comms, when: P1 only.}]
                end: true
            """, rules: ["raci/conflicting-assignment", "raci/redundant-informed"],
            [
                ExpectedFinding(
                    "1️⃣", "raci/redundant-informed",
                    "'comms' (Communications Lead) is both consulted and informed on 'assess' (Assess severity) (C and I)")
            ])
    }

    /// An optional participant does not slow every decision: `raci/too-many-consulted` counts unconditional entries.
    func testTooManyConsultedCountsOnlyUnconditionalRoles() {
        XCTAssertFindings(
            """
            kind: process
            id: incident
            name: Incident
            owner: process-owner
            manager: incident-manager
            defaults:
              accountable: incident-manager
            activities:
              - id: assess
                name: Assess severity
                responsible: service-desk
                consulted:
                  - resolver
                  - network
                  - comms
                  - {role: sponsor, when: The business is affected.}
                  - {role: user, when: The user can still reproduce it.}
              - id: decide
                name: Decide the fix
                responsible: service-desk
                consulted: [resolver, network, comms, {role: sponsor, when: Always.}, 1️⃣user]
                end: true
            """, rules: ["raci/too-many-consulted"],
            options: CheckOptions(
                today: CalendarDate(year: 2026, month: 6, day: 1),
                rules: RuleConfiguration(options: ["raci/too-many-consulted": ["max": 3]])),
            [
                ExpectedFinding(
                    "1️⃣", "raci/too-many-consulted",
                    "activity 'decide' (Decide the fix) consults 4 roles, over the limit of 3: every consultation is a wait before the decision"
                )
            ])
    }
}
