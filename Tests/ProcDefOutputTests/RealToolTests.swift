import ProcDef
import ProcDefTestSupport
import XCTest

@testable import ProcDefOutput

/// What procdef emits, read by the tools that consume it: Graphviz must accept every DOT file, and a permissive
/// Markdown renderer (`cmark-gfm --unsafe`) must show the RACI table and never raw HTML from the input.
final class RealToolTests: XCTestCase {
    private var reports: [CheckReport] { [ServiceFixture.report, HostileFixture.report, ParallelFixture.report] }

    func testDotAcceptsEveryDiagram() throws {
        for report in reports {
            let plan = try BuildPlan(report: report)
            XCTAssertFalse(plan.diagrams.isEmpty)
            for path in plan.diagrams {
                let svg = try GraphvizTool.svg(try XCTUnwrap(plan.tree.text(at: path)))
                XCTAssertTrue(svg.contains("<svg"), path)
                XCTAssertFalse(svg.contains("<script"), path)
            }
        }
    }

    func testHostileLabelsShowAsWritten() throws {
        let process = try XCTUnwrap(Model.checked(HostileFixture.report, "hostile"))
        let svg = try GraphvizTool.svg(DiagramRenderer().render(process))
        // The title, in full: quotes, `|`, angle brackets, braces and the trailing backslash survive as text.
        XCTAssertTrue(svg.contains("<title>hostile</title>"), svg)
        XCTAssertTrue(svg.contains(">Ev&quot;il | &lt;script&gt;alert(1)&lt;/script&gt; {x} \\</text>"), svg)
        XCTAssertTrue(svg.contains(">{braces} \\N \\l \\&quot;</text>"), svg)
        XCTAssertTrue(svg.contains(">Ünïcødé 日本 — team</text>"), svg)
        // The gap is red, the unknown process is named and red.
        XCTAssertTrue(svg.contains(">handoff gap</text>"), svg)
        XCTAssertTrue(svg.contains(">missing&#45;process</text>") || svg.contains(">missing-process</text>"), svg)
    }

    func testEveryRunbookRendersItsRACITableAndNoRawHTML() throws {
        for report in reports {
            for image in [nil, DiagramImageFormat.svg] {
                let plan = try BuildPlan(report: report, diagramImage: image)
                let markdown = plan.tree.paths.filter { $0.hasSuffix(".md") }
                XCTAssertFalse(markdown.isEmpty)
                for path in markdown {
                    let html = try CmarkGFM.html(try XCTUnwrap(plan.tree.text(at: path)))
                    XCTAssertTrue(html.contains("<table>"), path)
                    XCTAssertFalse(html.lowercased().contains("<script"), path)
                    XCTAssertFalse(html.contains("<img src=x"), path)
                    XCTAssertFalse(html.contains("<b>"), path)
                    if path.hasPrefix("runbooks/") {
                        XCTAssertTrue(html.contains("<h2>RACI matrix</h2>\n<table>"), path)
                    }
                }
            }
        }
    }

    func testRunbookTablesKeepTheirColumns() throws {
        // A `|` in any cell must not add a column: every row of every table has as many cells as its header.
        for report in reports {
            let plan = try BuildPlan(report: report)
            for path in plan.tree.paths where path.hasSuffix(".md") {
                let html = try CmarkGFM.html(try XCTUnwrap(plan.tree.text(at: path)))
                for table in html.components(separatedBy: "<table>").dropFirst() {
                    let body = table.components(separatedBy: "</table>")[0]
                    let rows = body.components(separatedBy: "<tr>").dropFirst()
                    let counts = rows.map { $0.components(separatedBy: "<td>").count + $0.components(separatedBy: "<th>").count - 2 }
                    XCTAssertEqual(Set(counts).count, 1, "\(path): \(counts)")
                }
            }
        }
    }

    func testLinksPointAtHeadingsThatExist() throws {
        // cmark-gfm does not make heading ids, so check against our GitHub-style slugs of the rendered headings.
        for report in reports {
            let plan = try BuildPlan(report: report)
            for path in plan.tree.paths where path.hasPrefix("runbooks/") {
                let html = try CmarkGFM.html(try XCTUnwrap(plan.tree.text(at: path)))
                var anchors = HeadingAnchors()
                var known: Set<String> = []
                for heading in Self.matches(#"<h[1-6]>(.*?)</h[1-6]>"#, in: html) {
                    known.insert(anchors.register(Self.text(ofHTML: heading)))
                }
                let fragments = Self.matches(##"href="#([^"]*)""##, in: html)
                XCTAssertFalse(fragments.isEmpty, path)
                for fragment in fragments {
                    XCTAssertTrue(known.contains(Self.text(ofHTML: fragment)), "\(path): #\(fragment) not in \(known.sorted())")
                }
            }
        }
    }

    private static func matches(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    /// The text of an HTML fragment: tags dropped, the five entities cmark writes decoded.
    private static func text(ofHTML html: String) -> String {
        var text = html.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.removingPercentEncoding ?? text
    }
}
