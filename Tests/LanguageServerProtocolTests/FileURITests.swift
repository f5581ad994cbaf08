import Foundation
import LanguageServerProtocol
import XCTest

final class FileURITests: XCTestCase {
    func testPathsWithSpacesNonASCIIHashAndPercentRoundTrip() {
        let cases = [
            ("/tmp/a b/ça#1%.yaml", "file:///tmp/a%20b/%C3%A7a%231%25.yaml"),
            ("/srv/流程/😀.yaml", "file:///srv/%E6%B5%81%E7%A8%8B/%F0%9F%98%80.yaml"),
            ("/Processes/incident-management_v2.~1.yaml", "file:///Processes/incident-management_v2.~1.yaml"),
            ("/a?b:c", "file:///a%3Fb%3Ac"),
            ("/", "file:///"),
        ]
        for (path, uri) in cases {
            XCTAssertEqual(FileURI.uri(fromPath: path), uri)
            XCTAssertEqual(FileURI.path(fromURI: uri), path)
        }
    }

    func testEncodingsOtherEditorsWriteDecodeToo() {
        XCTAssertEqual(FileURI.path(fromURI: "file:///tmp/%c3%a7a"), "/tmp/ça")
        XCTAssertEqual(FileURI.path(fromURI: "file:///tmp/ça b"), "/tmp/ça b")
        XCTAssertEqual(FileURI.path(fromURI: "file://localhost/etc/x.yaml"), "/etc/x.yaml")
        XCTAssertEqual(FileURI.path(fromURI: "FILE:///X"), "/X")
        XCTAssertEqual(FileURI.path(fromURI: "file:/short/form"), "/short/form")
        XCTAssertEqual(FileURI.path(fromURI: "file:///a/b.yaml#L3"), "/a/b.yaml")
        XCTAssertEqual(FileURI.path(fromURI: "file:///a/b.yaml?query"), "/a/b.yaml")
        XCTAssertEqual(FileURI.path(fromURI: "file:///100%/x%2"), "/100%/x%2")
    }

    func testURIsThatNameNoLocalFileGiveNil() {
        XCTAssertEqual(FileURI.path(fromURI: "untitled:Untitled-1"), nil)
        XCTAssertEqual(FileURI.path(fromURI: "https://example.com/a.yaml"), nil)
        XCTAssertEqual(FileURI.path(fromURI: "file://server/share/a.yaml"), nil)
        XCTAssertEqual(FileURI.path(fromURI: "file:relative/a.yaml"), nil)
        XCTAssertEqual(FileURI.path(fromURI: "file:"), nil)
        XCTAssertEqual(FileURI.path(fromURI: "fil"), nil)
        XCTAssertEqual(FileURI.path(fromURI: "file:///a%00b"), nil)
        XCTAssertEqual(FileURI.path(fromURI: "file:///a%FFb"), nil)
    }

    func testARelativePathIsTakenFromTheCurrentDirectory() {
        let uri = FileURI.uri(fromPath: "x.yaml")
        XCTAssertEqual(FileURI.path(fromURI: uri), FileManager.default.currentDirectoryPath + "/x.yaml")
    }
}
