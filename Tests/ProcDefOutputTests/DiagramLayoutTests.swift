import Foundation
import ProcDef
import ProcDefTestSupport
import XCTest

@testable import ProcDefOutput

/// Every diagram of the example library as Graphviz lays it out (`dot -Tjson`, the layout the SVG and PNG get):
/// no label over another, Graphviz content with the layout (no warning), the swimlanes at most 1,200 points wide at
/// the default font size, and every role in the same place in every diagram. Tests/diagrams/layout-check.py makes the
/// same checks from the command line; .ci/run runs it on a build.
final class DiagramLayoutTests: XCTestCase {
    private func examplePlan() throws -> BuildPlan {
        let fileManager = FileManager.default
        let previous = fileManager.currentDirectoryPath
        XCTAssertTrue(fileManager.changeCurrentDirectoryPath(ShippedExamplesBuildTests.repository.path))
        defer { _ = fileManager.changeCurrentDirectoryPath(previous) }
        let today = try XCTUnwrap(CalendarDate(parsing: "2026-06-01"))
        return try BuildPlan(report: try Checker.check(paths: ["Processes", "Policies"], options: CheckOptions(today: today)))
    }

    func testNoLabelOverlapsAnotherAndTheSwimlanesFitThePage() throws {
        try OptionalTool.dot.require()
        let plan = try examplePlan()
        XCTAssertEqual(plan.diagrams.count, 15)
        for path in plan.diagrams {
            let (json, warnings) = try GraphvizTool.layout(try XCTUnwrap(plan.tree.text(at: path)))
            XCTAssertEqual(warnings, "", path)
            let layout = try LaidOutGraph(json: json)
            XCTAssertEqual(layout.overlaps, [], path)
            // The blueprint adds the rows' lines and the customer's lane: it may be wider (docs/build.md says so).
            if !path.hasSuffix(".blueprint.dot") {
                XCTAssertLessThanOrEqual(layout.width, 1200, path)
            }
        }
    }

    /// The check itself catches an overlap: two edge labels Graphviz lays over each other, as it did in the
    /// change-enablement diagram before procdef laid out its own swimlanes.
    func testTheCheckFindsOverlappingLabels() throws {
        try OptionalTool.dot.require()
        let dot = """
            digraph g {
              graph [layout=neato, inputscale=72];
              a [pos="0,0!", label="A"]; b [pos="10,0!", label="B"];
            }
            """
        let (json, _) = try GraphvizTool.layout(dot)
        XCTAssertEqual(try LaidOutGraph(json: json).overlaps, ["node a overlaps node b"])
    }

    func testEveryRoleHasTheSamePlaceInEveryDiagram() throws {
        let plan = try examplePlan()
        let catalogue = try String(
            contentsOf: ShippedExamplesBuildTests.repository.appendingPathComponent("Processes/roles.yaml"), encoding: .utf8)
        let order = catalogue.matches(of: /\n  ([a-z0-9-]+):\n/).map { String($0.output.1) }
        XCTAssertGreaterThan(order.count, 20)
        for path in plan.diagrams where !path.hasSuffix("landscape.dot") && !path.hasSuffix(".blueprint.dot") {
            let dot = try XCTUnwrap(plan.tree.text(at: path))
            let lanes = dot.matches(of: /subgraph "cluster_([a-z0-9-]+)"/).map { String($0.output.1) }
            XCTAssertGreaterThan(lanes.count, 1, path)
            // In the catalogue's order, and across the drawing in that order.
            XCTAssertEqual(lanes, lanes.sorted { (order.firstIndex(of: $0) ?? .max) < (order.firstIndex(of: $1) ?? .max) }, path)
            let starts = try lanes.map { role in try XCTUnwrap(DiagramViewsTests.position(of: "lane_\(role)", in: dot), role) }
            let ends = try lanes.map { role in try XCTUnwrap(DiagramViewsTests.position(of: "laneend_\(role)", in: dot), role) }
            // The examples run top down: each lane a column from its name to its end, the columns in order, and
            // every lane ending on one line, so that the bands are as long as the drawing.
            XCTAssertEqual(starts.map(\.x), ends.map(\.x), path)
            XCTAssertEqual(starts.map(\.x), starts.map(\.x).sorted(), path)
            XCTAssertEqual(Set(ends.map(\.y)).count, 1, path)
            XCTAssertTrue(zip(starts, ends).allSatisfy { $0.y > $1.y }, path)
        }
    }
}

/// The boxes of a `dot -Tjson` layout: nodes, and the text of edge labels (main, external, head and tail).
struct LaidOutGraph {
    var width: Double
    var boxes: [(name: String, box: (x0: Double, y0: Double, x1: Double, y1: Double))] = []

    init(json: String) throws {
        let graph = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let bounds = try XCTUnwrap(graph["bb"] as? String).split(separator: ",").compactMap { Double($0) }
        width = bounds.count == 4 ? bounds[2] - bounds[0] : 0
        let objects = graph["objects"] as? [[String: Any]] ?? []
        for object in objects where object["nodes"] == nil {
            guard let pos = (object["pos"] as? String)?.split(separator: ",").compactMap({ Double($0) }), pos.count == 2,
                let width = (object["width"] as? String).flatMap(Double.init),
                let height = (object["height"] as? String).flatMap(Double.init),
                let name = object["name"] as? String
            else { continue }
            let (w, h) = (width * 36, height * 36)
            boxes.append(("node \(name)", (pos[0] - w, pos[1] - h, pos[0] + w, pos[1] + h)))
        }
        for edge in graph["edges"] as? [[String: Any]] ?? [] {
            let tail = (edge["tail"] as? Int).flatMap { objects.indices.contains($0) ? objects[$0]["name"] as? String : nil } ?? "?"
            let head = (edge["head"] as? Int).flatMap { objects.indices.contains($0) ? objects[$0]["name"] as? String : nil } ?? "?"
            for (key, what) in [
                ("_ldraw_", "label"), ("_xldraw_", "external label"), ("_hldraw_", "head label"), ("_tldraw_", "tail label"),
            ] {
                if let box = Self.textBox(edge[key] as? [[String: Any]]) { boxes.append(("\(what) of \(tail) -> \(head)", box)) }
            }
        }
    }

    /// Every pair of boxes that overlap by more than half a point.
    var overlaps: [String] {
        var found: [String] = []
        for i in boxes.indices {
            for j in boxes.indices where j > i {
                let (a, b) = (boxes[i].box, boxes[j].box)
                if a.x0 < b.x1 - 0.5, b.x0 < a.x1 - 0.5, a.y0 < b.y1 - 0.5, b.y0 < a.y1 - 0.5 {
                    found.append("\(boxes[i].name) overlaps \(boxes[j].name)")
                }
            }
        }
        return found
    }

    /// The union of the text boxes of an xdot draw list: each text's width from Graphviz, its height from the font.
    private static func textBox(_ ops: [[String: Any]]?) -> (x0: Double, y0: Double, x1: Double, y1: Double)? {
        var size = 14.0
        var union: (x0: Double, y0: Double, x1: Double, y1: Double)?
        for op in ops ?? [] {
            if op["op"] as? String == "F", let s = op["size"] as? Double { size = s }
            guard op["op"] as? String == "T", let point = op["pt"] as? [Double], point.count == 2, let width = op["width"] as? Double else {
                continue
            }
            let align = op["align"] as? String ?? "c"
            let x0 = align == "c" ? point[0] - width / 2 : align == "r" ? point[0] - width : point[0]
            let box = (x0: x0, y0: point[1] - size * 0.2, x1: x0 + width, y1: point[1] + size * 0.8)
            union = union.map { (min($0.x0, box.x0), min($0.y0, box.y0), max($0.x1, box.x1), max($0.y1, box.y1)) } ?? box
        }
        return union
    }
}
