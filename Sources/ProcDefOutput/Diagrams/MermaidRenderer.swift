import ProcDef

/// Renders a process's flow as a Mermaid flowchart: the block each runbook carries, so that GitHub and GitLab draw
/// the flow in a pull request, and what `procdef graph --format mermaid` prints.
///
/// Only Mermaid's classic `flowchart` syntax, which the older Mermaid versions those sites run all read: a subgraph
/// per lane (in the workspace's order of roles, the red "unassigned" lane last), `(("start"))` and `((("end")))`
/// events, `{"×"}` and `{"#43;"}` gateways (a bare `+` is a Markdown list to Mermaid 11), `("...")` steps with their BPMN marker, `[["..."]]` for another process,
/// `==>` for a handoff and `-.->` in red for a handoff gap. Every id is procdef's own (`a1`, `x1`, `lane1`), never
/// the author's text, so no id can be a keyword such as `end`; every text is quoted and escaped (`MermaidText`).
package struct MermaidRenderer: Sendable {
    package init() {}

    package func render(_ process: CheckedProcess) -> String {
        var writer = Writer(process: process)
        return writer.render()
    }

    private struct Writer {
        let process: CheckedProcess
        let activities: [Activity]
        let lanes: ProcessLanes
        let labels: [DiagramRenderer.TransitionLabel]
        var out = ""
        /// Links written so far: `linkStyle` numbers them in order.
        var links = 0
        var gapLinks: [Int] = []

        /// The end steps; per step, the forks that leave it and the cancel entries that go to it: each drawn in that
        /// step's lane, looked up once rather than per lane.
        let ends: Set<Int>
        var forksFrom: [Int: [Int]] = [:]
        var cancelsTo: [Int: [Int]] = [:]
        /// The cancel entries and triggers whose handoff is a gap.
        var cancelGaps: Set<Int> = []
        var triggerGaps: Set<Int> = []

        init(process: CheckedProcess) {
            self.process = process
            self.activities = process.process.activities
            self.lanes = ProcessLanes(process)
            self.labels = process.transitionLabels
            self.ends = Set(process.graph.ends)
            for (f, fork) in process.graph.forks.enumerated() { forksFrom[fork.source, default: []].append(f) }
            for (c, entry) in process.graph.cancellations.enumerated() {
                if let target = entry.target { cancelsTo[target, default: []].append(c) }
            }
            // A trigger's gap is keyed by its source and its place among that step's triggers.
            var triggerIndex: [EdgeKey: Int] = [:]
            var perSource: [Int: Int] = [:]
            for (n, edge) in process.graph.triggers.enumerated() {
                let index = perSource[edge.source, default: 0]
                perSource[edge.source] = index + 1
                triggerIndex[EdgeKey(source: edge.source, kind: .trigger(index: index))] = n
            }
            let points = process.handoffs.points
            for k in points.indices where points[k].isGap {
                if case .cancel(let c) = points[k].kind { cancelGaps.insert(c) }
                if let n = triggerIndex[EdgeKey(source: points[k].source, kind: points[k].kind)] { triggerGaps.insert(n) }
            }
        }

        mutating func render() -> String {
            out += "flowchart TB\n"
            let graph = process.graph
            var laneNumber = 0
            for role in lanes.roles {
                laneNumber += 1
                let known = process.role(role)
                var title = known?.name.value ?? role
                if known?.kind.value == .system { title = "⚙ " + title }
                out += "  subgraph lane\(laneNumber)[\"\(MermaidText.escape(title))\"]\n"
                out += "    direction TB\n"
                laneBody(lanes.home[role] ?? [], markers: (lanes.shared[role] ?? []).map { ($0, laneNumber) })
                out += "  end\n"
            }
            if !lanes.unassigned.isEmpty {
                out += "  subgraph unassigned[\"unassigned: no one is responsible\"]\n"
                out += "    direction TB\n"
                laneBody(lanes.unassigned, markers: [])
                out += "  end\n"
                out += "  style unassigned fill:#fdecea,stroke:#d00,color:#d00\n"
            }
            // Other processes, outside the lanes.
            var processes: [String: Int] = [:]
            for edge in graph.triggers where processes[edge.trigger.process.value] == nil {
                let id = edge.trigger.process.value
                processes[id] = processes.count + 1
                let n = processes[id]!
                if let other = process.processesByID[id] {
                    out += "  p\(n)[[\"\(MermaidText.escape(other.name.value, wrap: 24))\"]]\n"
                } else if let external = process.context.workspace.externalProcess(id: id) {
                    out += "  p\(n)[[\"\(MermaidText.escape(external.name.value + " (defined elsewhere)", wrap: 24))\"]]\n"
                    out += "  style p\(n) stroke-dasharray:5 5\n"
                } else {
                    out += "  p\(n)[[\"\(MermaidText.escape(id + " (no such process)", wrap: 24))\"]]\n"
                    out += "  style p\(n) stroke:#d00,color:#d00\n"
                }
            }

            if let start = graph.start { link("start", "-->", "a\(start + 1)") }
            for (i, activity) in activities.enumerated() where DiagramRenderer.hasDecisionGateway(activity) {
                link("a\(i + 1)", "---", "x\(i + 1)")
            }
            for (f, fork) in graph.forks.enumerated() {
                let from: String
                if let parent = fork.parent {
                    from = "f\(parent.site + 1)"
                } else if fork.route.decision != nil, DiagramRenderer.hasDecisionGateway(activities[fork.source]) {
                    from = "x\(fork.source + 1)"
                } else {
                    from = "a\(fork.source + 1)"
                }
                link(from, "---", "f\(f + 1)", label: fork.parent == nil ? fork.condition?.value : nil)
            }
            for (t, transition) in graph.transitions.enumerated() {
                var from = "a\(transition.source + 1)"
                if let (site, _) = transition.fork {
                    from = "f\(site + 1)"
                } else if case .branch = transition.kind, DiagramRenderer.hasDecisionGateway(activities[transition.source]) {
                    from = "x\(transition.source + 1)"
                }
                let target = activities[transition.target].isJoin ? "j\(transition.target + 1)" : "a\(transition.target + 1)"
                let label = labels[t]
                let arrow = label.isGap || label.timeout != nil ? "-.->" : transition.handoff != nil ? "==>" : "-->"
                if label.isGap { gapLinks.append(links) }
                // Already wrapped, line by line.
                link(from, arrow, target, label: label.text, wrap: nil)
            }
            for (i, activity) in activities.enumerated() where activity.isJoin {
                link("j\(i + 1)", "-->", "a\(i + 1)")
            }
            for end in graph.ends { link("a\(end + 1)", "-->", "e\(end + 1)") }
            for (c, entry) in graph.cancellations.enumerated() {
                guard let target = entry.target else { continue }
                var text = "⚡ " + (entry.cancellation.when?.value ?? "cut short") + " (from " + StepNumbers.phrase(entry.sources) + ")"
                if cancelGaps.contains(c) {
                    text += " handoff gap"
                    gapLinks.append(links)
                }
                link("c\(c + 1)", "-.->", "a\(target + 1)", label: text)
            }
            for (n, edge) in graph.triggers.enumerated() {
                var text = edge.trigger.when?.value
                if triggerGaps.contains(n) {
                    text = (text.map { $0 + " " } ?? "") + "handoff gap"
                    gapLinks.append(links)
                }
                link("a\(edge.source + 1)", "-.->", "p\(processes[edge.trigger.process.value]!)", label: text)
            }
            var laneNumbers: [String: Int] = [:]
            for (n, role) in lanes.roles.enumerated() { laneNumbers[role] = n + 1 }
            for i in activities.indices where activities[i].responsible.count > 1 {
                // Each other responsible role once, in lane order, as the lanes drew the markers.
                let others = Set(activities[i].responsible.dropFirst().map(\.value)).subtracting([activities[i].responsible[0].value])
                for lane in others.compactMap({ laneNumbers[$0] }).sorted() {
                    link("a\(i + 1)", "-.-", "m\(i + 1)_\(lane)")
                }
            }
            if !gapLinks.isEmpty {
                out += "  linkStyle \(gapLinks.map(String.init).joined(separator: ",")) stroke:#d00,stroke-width:2px,color:#d00\n"
            }
            return out
        }

        /// A lane's nodes: its steps with their gateways, events and cancel events, and the markers of steps it
        /// shares.
        private mutating func laneBody(_ steps: [Int], markers: [(step: Int, lane: Int)]) {
            let graph = process.graph
            if let start = graph.start, steps.contains(start) { out += "    start((\"start\"))\n" }
            for i in steps {
                let activity = activities[i]
                var text = "\(i + 1). \(activity.name.value)"
                if let marker = DiagramRenderer.typeMarker(activity.stepType) { text = marker + " " + text }
                var label = MermaidText.escape(text, wrap: 24)
                if let target = activity.target { label += "<br/>(" + MermaidText.escape(target.text) + ")" }
                out += "    a\(i + 1)(\"\(label)\")\n"
                if DiagramRenderer.hasDecisionGateway(activity) { out += "    x\(i + 1){\"×\"}\n" }
                if activity.isJoin { out += "    j\(i + 1){\"#43;\"}\n" }
                if activity.isEnd || ends.contains(i) { out += "    e\(i + 1)(((\"end\")))\n" }
                for f in forksFrom[i] ?? [] { out += "    f\(f + 1){\"#43;\"}\n" }
                for c in cancelsTo[i] ?? [] { out += "    c\(c + 1)((\"⚡\"))\n" }
            }
            for (step, lane) in markers {
                out += "    m\(step + 1)_\(lane)(\"↔ \(MermaidText.escape("\(step + 1). \(activities[step].name.value)", wrap: 24))\")\n"
            }
        }

        private mutating func link(_ from: String, _ arrow: String, _ to: String, label: String? = nil, wrap: Int? = 28) {
            out += "  " + from + " " + arrow
            if let label, !label.isEmpty { out += "|\"" + MermaidText.escape(label, wrap: wrap) + "\"|" }
            out += " " + to + "\n"
            links += 1
        }
    }
}

/// Text inside a quoted Mermaid label, shown as written.
///
/// - The characters Mermaid's parser or its HTML would read as syntax become Mermaid's entity codes: `#quot;`,
///   `#35;` for `#`, `#59;` for `;`, `#lt;` and `#gt;` (after a backslash), `#amp;`, `#124;` for `|`, `#91;` and
///   `#93;` for brackets.
/// - Mermaid 11 reads every label as Markdown (`1. Log` came out as "Unsupported markdown: list" in the browser
///   check, `*x*` in italics), and in a label of several lines it decodes the entities first. So what Markdown
///   gives a meaning gets Markdown's own escape, a backslash: `\\`, `*`, `_`, `~` and a backtick everywhere; a `]`
///   before `(`; what would make a link (`https\://`, `ops\@`, `www\.`, `\<...\>`); and at the start of a line a
///   list's `-` or `+`, the `.` or `)` after a list's number, and the `#` of a heading. Spaces that start a line are
///   dropped: Markdown reads them as indentation.
/// - Line breaks become `<br/>`; other control characters and the invisible ones that reorder a line U+FFFD. Text
///   stays UTF-8 otherwise.
enum MermaidText {
    static func escape(_ text: String, wrap width: Int? = nil) -> String {
        var wrapped = width.map { LabelWrapping.wrap(text, width: $0) } ?? text
        return wrapped.withUTF8(escape)
    }

    /// The escaping on UTF-8 bytes: every character that means something is ASCII, and a runbook escapes the labels
    /// of every step of every process.
    private static func escape(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        func append(_ literal: StaticString) {
            literal.withUTF8Buffer { out.append(contentsOf: $0) }
        }
        var lineStart = true
        // The index of a list number's `.` or `)` at the start of the current line.
        var listMark = -1
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            // Spaces that start a line mean nothing in a label, and to Markdown they can start a list or a code block.
            if lineStart, byte == 0x20 || byte == 0x09 {
                i += 1
                continue
            }
            let atLineStart = lineStart
            lineStart = false
            if atLineStart {
                listMark = -1
                var j = i
                while j < bytes.count, (0x30...0x39).contains(bytes[j]) { j += 1 }
                if j > i, j < bytes.count, bytes[j] == UInt8(ascii: ".") || bytes[j] == UInt8(ascii: ")") { listMark = j }
            }
            if i == listMark {
                out.append(UInt8(ascii: "\\"))
                out.append(byte)
                i += 1
                continue
            }
            guard byte >= 0x80 else {
                switch byte {
                case UInt8(ascii: "\""): append("#quot;")
                case UInt8(ascii: "#"): append(atLineStart ? "\\#35;" : "#35;")
                case UInt8(ascii: ";"): append("#59;")
                // `<http://x>` is a Markdown link; the backslash keeps the entity a character in either order.
                case UInt8(ascii: "<"): append("\\#lt;")
                case UInt8(ascii: ">"): append("\\#gt;")
                // A web address or a mail address would become a link: `https\://`, `ops\@`, `www\.`.
                case UInt8(ascii: ":") where i + 2 < bytes.count && bytes[i + 1] == UInt8(ascii: "/") && bytes[i + 2] == UInt8(ascii: "/"):
                    append("\\:")
                case UInt8(ascii: "@"): append("\\@")
                case UInt8(ascii: ".") where i >= 3 && bytes[(i - 3)..<i].allSatisfy({ $0 | 0x20 == UInt8(ascii: "w") }):
                    append("\\.")
                case UInt8(ascii: "&"): append("#amp;")
                case UInt8(ascii: "|"): append("#124;")
                case UInt8(ascii: "["): append("#91;")
                case UInt8(ascii: "]"):
                    if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "(") { append("\\]") } else { append("#93;") }
                case UInt8(ascii: "\\"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "`"):
                    out.append(UInt8(ascii: "\\"))
                    out.append(byte)
                case UInt8(ascii: "-") where atLineStart, UInt8(ascii: "+") where atLineStart:
                    out.append(UInt8(ascii: "\\"))
                    out.append(byte)
                case 0x0D where i + 1 < bytes.count && bytes[i + 1] == 0x0A:
                    // CRLF: one break, written at the LF.
                    lineStart = true
                case 0x0A...0x0D:
                    append("<br/>")
                    lineStart = true
                case 0x09: out.append(0x20)
                case 0x00...0x1F, 0x7F: append("\u{FFFD}")
                default: out.append(byte)
                }
                i += 1
                continue
            }
            // A character that is not ASCII: line separators break the line; C1 controls and the invisible characters
            // that reorder a line become U+FFFD; the rest is copied.
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            let end = min(i + length, bytes.count)
            var scalar: UInt32 = 0
            if length == 2, end - i == 2 {
                scalar = UInt32(byte & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
            } else if length == 3, end - i == 3 {
                scalar = UInt32(byte & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
            }
            if scalar == 0x85 || scalar == 0x2028 || scalar == 0x2029 {
                append("<br/>")
                lineStart = true
            } else if let value = Unicode.Scalar(scalar), scalar != 0, value.isControlCharacter {
                append("\u{FFFD}")
            } else {
                out.append(contentsOf: bytes[i..<end])
            }
            i = end
        }
        return String(decoding: out, as: UTF8.self)
    }
}
