/// Places the nodes of a swimlane diagram on a grid of lanes by ranks, so that every lane is a band of the same
/// length, the lanes keep the order given, and the steps of one rank line up across lanes.
///
/// `dot` cannot be told the order of its clusters (its crossing reduction moves them, and flat edges between
/// clusters do not hold them), so procdef lays the grid out itself and pins every node (`pos="x,y!"`, drawn by
/// Graphviz's `neato`, which then only routes the edges around the nodes). The sizes are estimates of what Graphviz
/// will draw (`TextSize`), with room to spare; the layout test measures the real drawing.
struct SwimlaneLayout {
    struct Size {
        var width: Double
        var height: Double
    }

    struct Point: Equatable {
        var x: Double
        var y: Double
    }

    /// One node to place: its lane, its rank along the flow, and its size.
    struct Item {
        var lane: Int
        var rank: Int
        var size: Size
    }

    /// Top to bottom (lanes are columns) or left to right (lanes are rows).
    enum Direction {
        case topToBottom, leftToRight
    }

    /// Space between two nodes of one cell, across the lane.
    static let nodeGap = 16.0
    /// Space inside a lane's band on each side.
    static let lanePadding = 10.0
    /// Space between two ranks, along the flow.
    static let rankGap = 20.0
    /// Space between two lanes.
    static let laneGap = 6.0

    let direction: Direction
    /// The centre of each item, in points, y growing upwards as Graphviz's are.
    let positions: [Point]
    /// Per lane, where its name goes and where its invisible end goes: the two ends of its band.
    let laneStarts: [Point]
    let laneEnds: [Point]
    /// Per lane, the middle of its band across the flow, and its thickness.
    let laneCentres: [Double]
    let laneThickness: [Double]
    /// The width of the drawing, lanes' names included.
    let width: Double

    /// Lays out `items` in `laneCount` lanes whose names have `headerSizes`; `groupGaps[i]` is extra space before lane
    /// `i` (the blueprint's lines go there).
    init(items: [Item], laneCount: Int, headerSizes: [Size], groupGaps: [Double] = [], direction: Direction) {
        self.direction = direction
        let ranks = (items.map(\.rank).max() ?? -1) + 1
        // Sizes across the lane (thickness) and along the flow (length), by direction.
        func across(_ size: Size) -> Double { direction == .topToBottom ? size.width : size.height }
        func lengthOf(_ size: Size) -> Double { direction == .topToBottom ? size.height : size.width }

        // Per occupied cell (lane, rank), the items stacked across the lane, in the order given: a dictionary, as a
        // process with thousands of roles and ranks occupies few of its cells.
        var cells: [Int: [Int]] = [:]
        for (i, item) in items.enumerated() { cells[item.lane * ranks + item.rank, default: []].append(i) }
        var thickness = (0..<laneCount).map { across(headerSizes[$0]) }
        var rankLength = Array(repeating: 0.0, count: ranks)
        for (key, members) in cells {
            let (lane, rank) = key.quotientAndRemainder(dividingBy: max(ranks, 1))
            let stack = members.reduce(0.0) { $0 + across(items[$1].size) } + Double(max(members.count - 1, 0)) * Self.nodeGap
            thickness[lane] = max(thickness[lane], stack)
            for m in members { rankLength[rank] = max(rankLength[rank], lengthOf(items[m].size)) }
        }
        let header = headerSizes.map(lengthOf).max() ?? 0
        // Where each lane's band starts across the flow, and each rank's along it.
        var laneOffset = Array(repeating: 0.0, count: laneCount)
        var offset = 0.0
        for lane in 0..<laneCount {
            if groupGaps.indices.contains(lane) { offset += groupGaps[lane] }
            laneOffset[lane] = offset
            offset += thickness[lane] + 2 * Self.lanePadding + Self.laneGap
        }
        let acrossTotal = offset - Self.laneGap
        var rankOffset = Array(repeating: 0.0, count: ranks)
        var along = header + Self.rankGap
        for rank in 0..<ranks {
            rankOffset[rank] = along
            along += rankLength[rank] + Self.rankGap
        }
        let alongTotal = along

        // Turns (across, along) into Graphviz's (x, y).
        func point(across a: Double, along l: Double) -> Point {
            direction == .topToBottom ? Point(x: a, y: -l) : Point(x: l, y: -a)
        }
        var positions = Array(repeating: Point(x: 0, y: 0), count: items.count)
        for (key, members) in cells {
            let (lane, rank) = key.quotientAndRemainder(dividingBy: max(ranks, 1))
            let stack = members.reduce(0.0) { $0 + across(items[$1].size) } + Double(members.count - 1) * Self.nodeGap
            var cursor = laneOffset[lane] + Self.lanePadding + (thickness[lane] - stack) / 2
            for m in members {
                let a = cursor + across(items[m].size) / 2
                positions[m] = point(across: a, along: rankOffset[rank] + rankLength[rank] / 2)
                cursor += across(items[m].size) + Self.nodeGap
            }
        }
        self.positions = positions.map { Point(x: Self.rounded($0.x), y: Self.rounded($0.y)) }
        self.laneCentres = (0..<laneCount).map { laneOffset[$0] + Self.lanePadding + thickness[$0] / 2 }
        self.laneThickness = thickness
        self.laneStarts = (0..<laneCount).map { lane in
            // Every name starts at the top (or the left) of its band.
            let p = point(across: laneOffset[lane] + Self.lanePadding + thickness[lane] / 2, along: lengthOf(headerSizes[lane]) / 2)
            return Point(x: Self.rounded(p.x), y: Self.rounded(p.y))
        }
        self.laneEnds = (0..<laneCount).map { lane in
            let p = point(across: laneOffset[lane] + Self.lanePadding + thickness[lane] / 2, along: alongTotal)
            return Point(x: Self.rounded(p.x), y: Self.rounded(p.y))
        }
        self.width = direction == .topToBottom ? acrossTotal : alongTotal
        self.length = direction == .topToBottom ? alongTotal : acrossTotal
    }

    /// The drawing's extent along the other axis.
    let length: Double

    /// The drawing's extent along the flow: where the lanes end.
    var flowExtent: Double { direction == .topToBottom ? length : width }

    /// A coordinate on a grid of half points, so that the DOT text does not depend on how a double prints.
    static func rounded(_ value: Double) -> Double { (value * 2).rounded() / 2 }
}

/// Estimates how large Graphviz draws a label: Liberation Sans (what `Helvetica` resolves to on Debian) measured by
/// `dot -Tjson`, rounded up, so a node is never drawn larger than the layout made room for.
enum TextSize {
    /// The width of each ASCII character in ems; every other character counts 1 em (a CJK ideograph, a symbol).
    private static let asciiEms: [Double] = (0..<128).map { byte -> Double in
        switch UInt8(byte) {
        case UInt8(ascii: " "): 0.29
        case UInt8(ascii: "i"), UInt8(ascii: "j"), UInt8(ascii: "l"), UInt8(ascii: "I"), UInt8(ascii: "."), UInt8(ascii: ","),
            UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "'"), UInt8(ascii: "!"), UInt8(ascii: "|"):
            0.30
        case UInt8(ascii: "f"), UInt8(ascii: "t"), UInt8(ascii: "r"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["),
            UInt8(ascii: "]"), UInt8(ascii: "-"), UInt8(ascii: "/"):
            0.36
        case UInt8(ascii: "m"), UInt8(ascii: "w"), UInt8(ascii: "M"), UInt8(ascii: "W"): 0.88
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): 0.58
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): 0.72
        default: 0.6
        }
    }

    /// The size of a label's text: its widest line, and its lines' height. One pass over the UTF-8 bytes: a diagram
    /// measures every label of every step, and a build draws two diagrams of every process.
    static func text(_ label: String, fontSize: Double) -> SwimlaneLayout.Size {
        var label = label
        return label.withUTF8 { bytes in
            var widest = 0.0
            var line = 0.0
            var lines = 1
            for byte in bytes {
                if byte == 0x0A {
                    widest = max(widest, line)
                    line = 0
                    lines += 1
                } else if byte < 0x80 {
                    line += asciiEms[Int(byte)]
                } else if byte & 0xC0 != 0x80 {
                    // The first byte of a character that is not ASCII; its continuation bytes add nothing.
                    line += 1.0
                }
            }
            widest = max(widest, line)
            return SwimlaneLayout.Size(width: widest * fontSize, height: Double(lines) * fontSize * 1.17)
        }
    }
}
