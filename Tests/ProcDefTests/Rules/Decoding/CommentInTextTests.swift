import XCTest

@testable import ProcDef

final class CommentInTextTests: XCTestCase {
    private let rule = "yaml/comment-in-text"

    private func process(_ activity: String) -> String {
        """
        kind: process
        id: major-incident
        name: Major Incident
        owner: process-owner
        defaults:
          accountable: incident-manager
        activities:
          - id: open-bridge
        \(activity)
            responsible: service-desk
        """
    }

    func testAHashInAProcedureStepCutsIt() {
        XCTAssertFindings(
            process(
                """
                    name: Open the bridge call
                    procedure:
                      - Start the bridge call
                      - Post the bridge link in 1️⃣#incident-bridge
                """), rules: nil,
            [
                ExpectedFinding(
                    "1️⃣", rule,
                    "the text of a step of `procedure` ends at 'Post the bridge link in': YAML reads '#incident-bridge' as a comment",
                    severity: .warning,
                    help:
                        "quote the whole text to keep the `#`: 'Post the bridge link in #incident-bridge'; if it is a comment, put a space after the `#`"
                )
            ])
    }

    func testEveryTextKeyAndTheRestOfTheLine() {
        XCTAssertFindings(
            """
            kind: process
            id: major-incident
            name: Major Incident
            purpose: Restore service and keep 1️⃣#ops-leads informed
            owner: process-owner
            defaults:
              accountable: incident-manager
            activities:
              - id: open-bridge
                name: Open bridge 2️⃣#2, then page
                responsible: service-desk
                next:
                  - to: close
                    when: priority is 3️⃣#P1
                    handoff:
                      artifact: bridge-notes
                      expectation: Ack in 4️⃣#incident-bridge within 5 minutes
                  - to: close
                    when: otherwise
              - id: close
                name: Close it
                responsible: service-desk
                end: true
            """, rules: [rule],
            [
                ExpectedFinding(
                    "1️⃣", rule, "the text of `purpose` ends at 'Restore service and keep': YAML reads '#ops-leads informed' as a comment",
                    help:
                        "quote the whole text to keep the `#`: 'Restore service and keep #ops-leads informed'; if it is a comment, put a space after the `#`"
                ),
                ExpectedFinding(
                    "2️⃣", rule, "the text of `name` ends at 'Open bridge': YAML reads '#2, then page' as a comment",
                    help: "quote the whole text to keep the `#`: 'Open bridge #2, then page'; if it is a comment, put a space after the `#`"
                ),
                ExpectedFinding(
                    "3️⃣", rule, "the text of `when` ends at 'priority is': YAML reads '#P1' as a comment",
                    help: "quote the whole text to keep the `#`: 'priority is #P1'; if it is a comment, put a space after the `#`"),
                ExpectedFinding(
                    "4️⃣", rule, "the text of `expectation` ends at 'Ack in': YAML reads '#incident-bridge within 5 minutes' as a comment",
                    help:
                        "quote the whole text to keep the `#`: 'Ack in #incident-bridge within 5 minutes'; if it is a comment, put a space after the `#`"
                ),
            ])
    }

    /// A quoted text keeps its `#`, and a `# comment` after it (hash, then a space) is a comment; a block text's `#`
    /// is text; a `#` inside a plain text (no space before it) is text.
    func testQuotedBlockAndSpacedCommentsAreClean() {
        XCTAssertFindings(
            process(
                """
                    name: 'Open the bridge #1'  # the first of two bridges
                    procedure:
                      - "Post the bridge link in #incident-bridge" # channel named in the comms plan
                      - 'Page the duty manager' #reviewed-2026
                      - |
                        Read the runbook #section-4
                        and join #incident-bridge
                      - >
                        Keep the bridge open #until-resolved
                      - Log it in ticket#123 # a comment
                      - Close the bridge #
                """), rules: nil, [])
    }

    /// The finding can be suppressed on its line when the `#` really opens a comment.
    func testASuppressionSilencesIt() {
        XCTAssertFindings(
            process(
                """
                    name: Open the bridge call
                    procedure:
                      # procdef: ignore yaml/comment-in-text -- the tag after the step is the team's review marker
                      - Post the bridge link #reviewed
                """), rules: nil, [])
    }

    /// On the finding's own line too: the suppression follows the text that YAML already read as a comment.
    func testASuppressionOnTheSameLineSilencesIt() {
        XCTAssertFindings(
            process(
                """
                    name: Open the bridge call
                    procedure:
                      - Post the bridge link #reviewed  # procdef: ignore yaml/comment-in-text -- the team's review marker
                """), rules: nil, [])
    }

    /// Other keys (ids, role lists) are not texts a reader acts on.
    func testOtherKeysAreNotJudged() {
        XCTAssertFindings(
            process(
                """
                    name: Open the bridge call
                    tags:
                      - major #legacy
                """), rules: [rule], [])
    }
}
