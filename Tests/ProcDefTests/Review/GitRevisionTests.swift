import XCTest
@testable import ProcDef

/// Which files listed at a revision a folder walk of the asked paths would read. (The git side itself is tested
/// through `procdef diff --git` on a repository made in the test.)
final class GitRevisionTests: XCTestCase {
    func testFoldersReadYAMLBelowThemSkippingHiddenEntries() {
        XCTAssertTrue(GitRevision.isRead("Processes/incident.yaml", asked: ["Processes"]))
        XCTAssertTrue(GitRevision.isRead("Processes/sub/problem.yml", asked: ["Processes"]))
        XCTAssertFalse(GitRevision.isRead("Processes/notes.md", asked: ["Processes"]))
        XCTAssertFalse(GitRevision.isRead("Processes/.drafts/x.yaml", asked: ["Processes"]))
        XCTAssertTrue(GitRevision.isRead("incident.yaml", asked: ["."]))
        XCTAssertFalse(GitRevision.isRead(".github/workflows/ci.yml", asked: ["."]))
    }

    /// A folder named on the command line may itself be hidden, or above the current directory.
    func testTheAskedFolderItselfMayBeHiddenOrAbove() {
        XCTAssertTrue(GitRevision.isRead(".procdef/processes/a.yaml", asked: [".procdef"]))
        XCTAssertTrue(GitRevision.isRead("../Policies/logged.yaml", asked: ["../Policies"]))
    }

    func testAFileNamedItselfIsReadWhateverItsName() {
        XCTAssertTrue(GitRevision.isRead("Processes/incident.txt", asked: ["Processes/incident.txt"]))
        XCTAssertTrue(GitRevision.isRead(".hidden.yaml", asked: [".hidden.yaml"]))
    }

    func testInvalidRevisionsAreRefusedBeforeGitRuns() {
        for revision in ["", "-h", "--output=x"] {
            XCTAssertThrowsError(try GitRevision(revision, git: "/nonexistent/git").resolve()) { error in
                XCTAssertEqual(error as? GitError, .invalidRevision(revision))
            }
        }
    }
}
