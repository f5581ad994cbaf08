/// The shapes and marks one diagram uses, for its legend: a legend lists only those, in a fixed order.
struct DiagramLegend {
    enum Entry: Int, CaseIterable, Comparable {
        case start, end, decision, parallel, cancellation, timer, notification, automated, approval, request
        case handoff, gap, process, externalProcess, shared, unassigned, customerMoment

        static func < (a: Entry, b: Entry) -> Bool { a.rawValue < b.rawValue }

        /// The mark as the diagram draws it, then what it means.
        var text: (mark: String, meaning: String) {
            switch self {
            case .start: ("○", "start")
            case .end: ("◉", "end")
            case .decision: ("◇×", "decision: one way is taken")
            case .parallel: ("◇+", "parallel work: fork, join")
            case .cancellation: ("⚡", "cancellation")
            case .timer: ("◷", "timer, wait")
            case .notification: ("✉", "notification")
            case .automated: ("⚙", "automated step, system")
            case .approval: ("✔", "approval")
            case .request: ("✎", "request")
            case .handoff: ("━", "handoff [what is handed on]")
            case .gap: ("┅", "handoff gap (red, dashed)")
            case .process: ("▭", "another process")
            case .externalProcess: ("┆", "dashed box: a process defined elsewhere")
            case .shared: ("↔", "step shared with another lane")
            case .unassigned: ("■", "red lane: no one is responsible")
            case .customerMoment: ("☎", "the customer is told or asked")
            }
        }
    }

    private(set) var entries: Set<Entry> = []

    mutating func insert(_ entry: Entry) { entries.insert(entry) }

    /// The graph's label as an HTML-like label: the title, then the legend in rows of `perRow` entries.
    func label(title: String, perRow: Int = 5) -> HTMLLabel {
        var html = HTMLLabel()
        html.raw(#"<table border="0" cellborder="0" cellspacing="0" cellpadding="2"><tr><td><font point-size="18">"#)
        html.text(title)
        html.raw("</font></td></tr>")
        let sorted = entries.sorted()
        var start = 0
        while start < sorted.count {
            html.raw(##"<tr><td><font point-size="10" color="#444444">"##)
            for (offset, entry) in sorted[start..<min(start + perRow, sorted.count)].enumerated() {
                if offset > 0 { html.raw("   ·   ") }
                html.text(entry.text.mark + " " + entry.text.meaning)
            }
            html.raw("</font></td></tr>")
            start += perRow
        }
        html.raw("</table>")
        return html
    }
}

/// The text of a Graphviz HTML-like label (`label=<...>`), built so that input text can only enter escaped.
struct HTMLLabel {
    /// The markup's UTF-8 bytes.
    private(set) var markup: [UInt8] = []

    /// procdef's own markup, from its source.
    mutating func raw(_ literal: StaticString) {
        literal.withUTF8Buffer { markup.append(contentsOf: $0) }
    }

    /// Text, with `&`, `<`, `>` and `"` as entities, `\` doubled and line breaks as `<br/>`; other control characters
    /// and the invisible ones that reorder a line become U+FFFD, as in quoted labels.
    mutating func text(_ text: String) {
        var text = text
        let plain = text.withUTF8 { bytes -> Bool in
            // Most names are plain ASCII words on a line or two: copied byte by byte, each line break as `<br/>`.
            guard bytes.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A }) else { return false }
            for byte in bytes {
                switch byte {
                case 0x0A: raw("<br/>")
                case UInt8(ascii: "&"): raw("&amp;")
                case UInt8(ascii: "<"): raw("&lt;")
                case UInt8(ascii: ">"): raw("&gt;")
                case UInt8(ascii: "\""): raw("&quot;")
                // Graphviz substitutes `\N` (the node's name) and its kin in HTML labels too, entities decoded first;
                // a doubled backslash is one backslash.
                case UInt8(ascii: "\\"): raw("\\\\")
                default: markup.append(byte)
                }
            }
            return true
        }
        if plain { return }
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "&": raw("&amp;")
            case "<": raw("&lt;")
            case ">": raw("&gt;")
            case "\"": raw("&quot;")
            case "\\": raw("\\\\")
            case "\n" where previousWasCR: continue
            case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": raw("<br/>")
            case "\t": markup.append(0x20)
            default:
                markup.append(contentsOf: String(scalar.isControlCharacter ? "\u{FFFD}" : scalar).utf8)
            }
        }
    }
}
