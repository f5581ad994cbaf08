import XCTest

@testable import ProcDef

/// The handoff rules on fork branches, arrivals at a join and cancellations: each fork branch is a transition, a
/// handoff written around a fork applies to each branch that changes hands, work returning to the role that
/// coordinates a join is no handoff, and a `cancel` entry is one point however many activities it interrupts.
final class ParallelHandoffTests: XCTestCase {
    private func gapHelp(_ placement: String) -> String {
        "add a `handoff:` \(placement) with the artifact handed over and the receiver's expectation:\n"
            + "  handoff:\n    artifact: <what is handed over>\n    expectation: <what the receiver commits to>"
    }

    /// The incident manager forks fixing (the resolvers) and telling (themselves), and reviews when both are done.
    private func majorIncident(assess: String = "", fixBranch: String = "- to: fix", sitrepBranch: String = "- to: send-sitrep") -> String {
        HandoffFixtures.incident(
            """
              - id: assess
                name: Confirm and assess the incident
                responsible: incident-manager
            \(assess)
                next:
                  all:
                    \(fixBranch)
                    \(sitrepBranch)
              - id: fix
                name: Restore the service
                responsible: resolver
                next: review
              - id: send-sitrep
                name: Send the situation report
                responsible: incident-manager
                next: review
              - id: review
                name: Hold the review
                join: all
                responsible: incident-manager
                end: true
            """)
    }

    // MARK: Fork branches

    func testAForkBranchThatChangesHandsIsAGapAtTheBranch() {
        // The resolvers' work comes back to the incident manager, who sent the situation report: no gap at the join.
        XCTAssertFindings(
            majorIncident(fixBranch: "- 1️⃣to: fix"), rules: HandoffFixtures.allRules,
            [
                ExpectedFinding(
                    "1️⃣", "handoff/gap",
                    "responsibility passes from 'incident-manager' (Incident Manager) at 'assess' (Confirm and assess the incident) to 'resolver' (Resolver Group) at 'fix' (Restore the service) with no handoff declared",
                    help: gapHelp("to this branch of the fork, or to activity 'assess' for every branch"))
            ])
    }

    func testAHandoffOnTheBranchCoversIt() {
        XCTAssertFindings(
            majorIncident(fixBranch: "- {to: fix, handoff: {artifact: incident-record, expectation: Resolvers start within 15 minutes.}}"),
            rules: HandoffFixtures.allRules, [])
    }

    func testAnActivityHandoffAppliesToTheBranchesThatChangeHandsAndIsNotUnneededForTheOthers() {
        XCTAssertFindings(
            majorIncident(assess: "    handoff: {artifact: incident-record, expectation: Resolvers start within 15 minutes.}"),
            rules: HandoffFixtures.allRules, [])
    }

    func testAnActivityHandoffOnAForkWhereNoBranchChangesHandsIsUnneededOnce() {
        let fixture = majorIncident(assess: "    handoff: 1️⃣{artifact: incident-record, expectation: Started within 5 minutes.}")
            .replacingOccurrences(of: "responsible: resolver", with: "responsible: incident-manager")
        XCTAssertFindings(
            fixture, rules: HandoffFixtures.allRules,
            [
                ExpectedFinding(
                    "1️⃣", "handoff/unneeded",
                    "the handoff on 'assess' (Confirm and assess the incident) applies to no transition: responsibility changes on none of the branches of its fork",
                    help: "remove the `handoff:`, or move it to the branch where responsibility passes to another role")
            ])
    }

    func testABranchsOwnHandoffWhereNothingChangesHandsIsUnneeded() {
        XCTAssertFindings(
            majorIncident(
                fixBranch: "- {to: fix, handoff: {artifact: incident-record, expectation: Resolvers start within 15 minutes.}}",
                sitrepBranch: "- {to: send-sitrep, handoff: 1️⃣{artifact: incident-record, expectation: Sent within 1 hour.}}"),
            rules: HandoffFixtures.allRules,
            [
                ExpectedFinding(
                    "1️⃣", "handoff/unneeded",
                    "the handoff from 'assess' (Confirm and assess the incident) to 'send-sitrep' (Send the situation report) is declared where responsibility does not change: 'incident-manager' (Incident Manager) is responsible for both"
                )
            ])
    }

    func testAnActivityHandoffSharedByBranchesIsReportedOnce() {
        // Both branches change hands; the handoff they share says nothing of what the receivers commit to.
        let fixture = majorIncident(assess: "    handoff: 1️⃣{artifact: incident-record}")
            .replacingOccurrences(of: "responsible: resolver\n    next: review", with: "responsible: resolver\n    next: 2️⃣review")
            .replacingOccurrences(
                of: "responsible: incident-manager\n    next: review", with: "responsible: comms\n    next: 3️⃣review")
        XCTAssertFindings(
            fixture, rules: HandoffFixtures.allRules,
            [
                ExpectedFinding(
                    "1️⃣", "handoff/missing-expectation",
                    "the handoff from 'assess' (Confirm and assess the incident) to 'fix' (Restore the service) does not say what the receiver commits to"
                ),
                // The review's role ran none of the joined branches: both arrivals change hands.
                ExpectedFinding(
                    "2️⃣", "handoff/gap",
                    "responsibility passes from 'resolver' (Resolver Group) at 'fix' (Restore the service) to 'incident-manager' (Incident Manager) at 'review' (Hold the review) with no handoff declared",
                    help: gapHelp("to activity 'fix' (it applies to its `next`)")),
                ExpectedFinding(
                    "3️⃣", "handoff/gap",
                    "responsibility passes from 'comms' (Communications Lead) at 'send-sitrep' (Send the situation report) to 'incident-manager' (Incident Manager) at 'review' (Hold the review) with no handoff declared",
                    help: gapHelp("to activity 'send-sitrep' (it applies to its `next`)")),
            ])
    }

    func testADecisionEntryThatForksCarriesAHandoffForItsBranches() {
        // The entry's handoff covers its branch to the resolvers; the nested branch to the network engineers has
        // none of its own and takes the entry's; the incident manager's own branch needs none.
        let fixture = HandoffFixtures.incident(
            """
              - id: assess
                name: Confirm and assess the incident
                responsible: incident-manager
                next:
                  - when: The incident is major.
                    handoff: {artifact: incident-record, expectation: Started within 15 minutes.}
                    all:
                      - to: fix
                      - all:
                          - to: reroute
                          - to: track
                  - when: The incident is minor.
                    all:
                      - {to: track, handoff: 2️⃣{artifact: incident-record, expectation: Tracked within 5 minutes.}}
                      - 1️⃣to: fix
              - id: fix
                name: Restore the service
                responsible: resolver
                next: review
              - id: reroute
                name: Reroute the traffic
                responsible: network
                next: review
              - id: track
                name: Track the leads
                responsible: incident-manager
                next: review
              - id: review
                name: Hold the review
                join: all
                responsible: incident-manager
                end: true
            """)
        XCTAssertFindings(
            fixture, rules: ["handoff/gap", "handoff/unneeded"],
            [
                ExpectedFinding(
                    "1️⃣", "handoff/gap",
                    "responsibility passes from 'incident-manager' (Incident Manager) at 'assess' (Confirm and assess the incident) to 'resolver' (Resolver Group) at 'fix' (Restore the service) with no handoff declared",
                    help: gapHelp("to this branch of the fork")),
                ExpectedFinding(
                    "2️⃣", "handoff/unneeded",
                    "the handoff from 'assess' (Confirm and assess the incident) to 'track' (Track the leads) is declared where responsibility does not change: 'incident-manager' (Incident Manager) is responsible for both"
                ),
            ])
    }

    // MARK: Arrivals at a join

    func testArrivalsAtAJoinWhoseRoleRanOneOfTheBranchesAreNoGaps() {
        // The scribe's and the liaison's work comes back to the incident manager, who ran the third branch (arrivals
        // from others, at a join whose role ran no branch, are gaps: see the shared-handoff test above).
        XCTAssertFindings(
            HandoffFixtures.incident(
                """
                  - id: assess
                    name: Confirm and assess the incident
                    responsible: incident-manager
                    handoff: {artifact: incident-record, expectation: Started within 15 minutes.}
                    next:
                      all:
                        - to: log
                        - to: notify
                        - to: track
                  - id: log
                    name: Keep the log
                    responsible: service-desk
                    next: debrief
                  - id: notify
                    name: Tell the users
                    responsible: comms
                    next: debrief
                  - id: track
                    name: Track the leads
                    responsible: incident-manager
                    next: debrief
                  - id: debrief
                    name: Debrief
                    join: all
                    responsible: incident-manager
                    handoff: {artifact: debrief-notes, expectation: Reviewed within 1 week.}
                  - id: review
                    name: Review the network changes
                    responsible: network
                    end: true
                """), rules: ["handoff/gap"], [])
    }

    // MARK: Cancellation

    private func cancellable(_ entry: String) -> String {
        HandoffFixtures.incident(
            """
              - id: triage
                name: Triage the alert
                responsible: service-desk
                handoff: {artifact: incident-record, expectation: Resolver starts within 15 minutes.}
              - id: diagnose
                name: Investigate and diagnose
                responsible: resolver
                handoff: {artifact: resolution-notes, expectation: Desk confirms with the user within 1 day.}
              - id: close
                name: Close the incident
                responsible: service-desk
                end: true
              - id: close-false-alarm
                name: Close the false alarm
                responsible: incident-manager
                end: true
            """
        ).replacingOccurrences(of: "activities:\n", with: "cancel:\n\(entry)\nactivities:\n")
    }

    func testACancelEntryThatChangesHandsIsOneGapAtTheEntry() {
        XCTAssertFindings(
            cancellable("  - 1️⃣when: The alarm proves false.\n    to: close-false-alarm"), rules: HandoffFixtures.allRules,
            [
                ExpectedFinding(
                    "1️⃣", "handoff/gap",
                    "responsibility passes from 'service-desk' (Service Desk Analyst) at 'triage' (Triage the alert) to 'incident-manager' (Incident Manager) at 'close-false-alarm' (Close the false alarm) with no handoff declared",
                    help: gapHelp("to this `cancel` entry"))
            ])
    }

    func testACancelEntryWithAHandoffHasNoGap() {
        XCTAssertFindings(
            cancellable(
                "  - when: The alarm proves false.\n    to: close-false-alarm\n"
                    + "    handoff: {artifact: incident-record, expectation: Closed within 1 hour.}"),
            rules: HandoffFixtures.allRules, [])
    }

    func testACancelHandoffWithoutAnExpectationIsReportedOnce() {
        XCTAssertFindings(
            cancellable("  - when: The alarm proves false.\n    to: close-false-alarm\n    handoff: 1️⃣{artifact: incident-record}"),
            rules: HandoffFixtures.allRules,
            [
                ExpectedFinding(
                    "1️⃣", "handoff/missing-expectation",
                    "the handoff from 'triage' (Triage the alert) to 'close-false-alarm' (Close the false alarm) does not say what the receiver commits to"
                )
            ])
    }

    func testACancelHandoffsArtifactIsLookedForAmongTheOutputsOfEveryActivityItInterrupts() {
        // The case can be cut short while triaging or diagnosing: the artifact need only be an output of one of them.
        let fixture = cancellable(
            "  - when: The alarm proves false.\n    to: close-false-alarm\n"
                + "    handoff: {artifact: 1️⃣resolution-notes, expectation: Closed within 1 hour.}"
        )
        .replacingOccurrences(
            of: "responsible: service-desk\n    handoff", with: "responsible: service-desk\n    outputs: [incident-record]\n    handoff"
        )
        .replacingOccurrences(of: "responsible: resolver\n", with: "responsible: resolver\n    outputs: [resolution-notes]\n")
        XCTAssertFindings(fixture, rules: HandoffFixtures.allRules, [])
        XCTAssertFindings(
            fixture.replacingOccurrences(of: "artifact: 1️⃣resolution-notes", with: "artifact: 1️⃣resolution-note"),
            rules: HandoffFixtures.allRules,
            [
                ExpectedFinding(
                    "1️⃣", "handoff/artifact-not-produced",
                    "the cancellation to 'close-false-alarm' (Close the false alarm) hands over 'resolution-note', but no activity it interrupts lists 'resolution-note' among its outputs",
                    help:
                        "did you mean 'resolution-notes'? the activities it interrupts declare outputs: incident-record, resolution-notes"
                )
            ])
    }
}
