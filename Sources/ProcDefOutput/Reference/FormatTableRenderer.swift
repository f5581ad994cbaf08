import ProcDef

/// The key tables of docs/format.md, written from the format's description (`KeyTable`), so the reference lists
/// exactly the keys, types and required fields the decoder works with. The prose around the tables stays
/// hand-written: only the lines between `<!-- generated: NAME keys -->` and `<!-- end generated -->` are rewritten.
package struct FormatTableRenderer: Sendable {
    /// A section marker names a table the description has no table for, or is never closed.
    package struct MarkerError: Error, CustomStringConvertible {
        package let description: String
    }

    package init() {}

    /// `page` with every generated section rewritten from the description; the same page when it is up to date.
    package func regenerate(_ page: String) throws -> String {
        var output: [Substring] = []
        var lines = page.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let line = lines.popFirst() {
            output.append(line)
            guard let name = Self.generatedName(line) else { continue }
            guard let table = KeyTable.all.first(where: { $0.name == name })?.table else {
                throw MarkerError(
                    description:
                        "docs marker '\(line.trimmed)' names no key table; known: \(KeyTable.all.map(\.name).joined(separator: ", "))")
            }
            guard let end = lines.firstIndex(where: { $0.trimmed == Self.endMarker }) else {
                throw MarkerError(description: "docs marker '\(line.trimmed)' has no '\(Self.endMarker)' after it")
            }
            let indent = line.prefix { $0 == " " }
            output += render(table, named: name).map { indent + $0 }
            lines = lines[end...]
        }
        return output.joined(separator: "\n")
    }

    /// The Markdown table of one key table, a line per row, without the markers.
    package func render(_ table: KeyTable, named name: String) -> [Substring] {
        var rows: [[String]]
        if let lead = table.summaryLead {
            // A table of conditions reads as the lead continued: `| requirement | holds when |`.
            rows = [[Self.conditionHeaders[name] ?? "key", lead]]
            rows += table.keys.map { [Self.written($0), $0.summary] }
        } else if table.keys.allSatisfy({ $0.presence == .optional }) {
            rows = [["field", "type", "meaning"]]
            rows += table.keys.map { [Self.written($0), $0.shape, $0.summary] }
        } else {
            rows = [["field", "type", "required", "meaning"]]
            rows += table.keys.map { [Self.written($0), $0.shape, Self.required($0.presence), $0.summary] }
        }
        let separator = "|" + Array(repeating: "---|", count: rows[0].count).joined()
        var lines = rows.map(Self.row)
        lines.insert(Substring(separator), at: 1)
        return lines
    }

    static let endMarker = "<!-- end generated -->"

    /// The first column's header of a table of conditions, where `key` would not say what the rows are.
    private static let conditionHeaders = ["requirements": "requirement"]

    /// `NAME` of a `<!-- generated: NAME keys -->` line.
    private static func generatedName(_ line: Substring) -> String? {
        let text = line.trimmed
        let prefix = "<!-- generated: "
        let suffix = " keys -->"
        guard text.hasPrefix(prefix), text.hasSuffix(suffix), text.count > prefix.count + suffix.count else { return nil }
        return String(text.dropFirst(prefix.count).dropLast(suffix.count))
    }

    private static func written(_ key: FormatKey) -> String {
        "`\(key.written ?? key.name)`"
    }

    /// The `required` column, as the legend at the top of docs/format.md defines it.
    private static func required(_ presence: FormatKey.Presence) -> String {
        switch presence {
        case .required: "yes"
        case .requiredReportedBy(let rule): "yes: `\(rule)`"
        case .optional: "no"
        case .optionalReportedBy(let rule, let when): "no: `\(rule)`" + (when.map { ", \($0)" } ?? "")
        }
    }

    private static func row(_ cells: [String]) -> Substring {
        // A pipe in a summary would end its cell early.
        Substring("| " + cells.map { $0.replacing("|", with: "\\|") }.joined(separator: " | ") + " |")
    }
}

extension Substring {
    /// Without the spaces around it: markers may be indented, as inside a list item.
    fileprivate var trimmed: Substring {
        guard let first = firstIndex(where: { $0 != " " }), let last = lastIndex(where: { $0 != " " }) else { return self[endIndex...] }
        return self[first...last]
    }
}
