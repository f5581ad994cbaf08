import XCTest

@testable import ProcDef

final class DisplayPathTests: XCTestCase {
    func testPathsBelowTheCurrentDirectoryAreRelative() {
        XCTAssertEqual(DisplayPath.make("/repo/Processes/a.yaml", currentDirectory: "/repo"), "Processes/a.yaml")
        XCTAssertEqual(DisplayPath.make("./Processes//a.yaml", currentDirectory: "/repo"), "Processes/a.yaml")
        XCTAssertEqual(DisplayPath.make("Processes/../Policies/p.yaml", currentDirectory: "/repo"), "Policies/p.yaml")
        XCTAssertEqual(DisplayPath.make(".", currentDirectory: "/repo"), ".")
        XCTAssertEqual(DisplayPath.make("/repo/", currentDirectory: "/repo"), ".")
        XCTAssertEqual(DisplayPath.make("/x/a.yaml", currentDirectory: "/"), "x/a.yaml")
    }

    func testPathsElsewhereKeepTheirForm() {
        XCTAssertEqual(DisplayPath.make("/tmp/a.yaml", currentDirectory: "/repo"), "/tmp/a.yaml")
        XCTAssertEqual(DisplayPath.make("/repository/a.yaml", currentDirectory: "/repo"), "/repository/a.yaml")
        XCTAssertEqual(DisplayPath.make("../other/./a.yaml", currentDirectory: "/repo"), "../other/a.yaml")
    }

    func testChildrenOfTheCurrentDirectoryHaveNoDotPrefix() {
        XCTAssertEqual(DisplayPath.child(".", "a.yaml"), "a.yaml")
        XCTAssertEqual(DisplayPath.child("Processes", "a.yaml"), "Processes/a.yaml")
        XCTAssertEqual(DisplayPath.child("/", "a.yaml"), "/a.yaml")
    }
}
