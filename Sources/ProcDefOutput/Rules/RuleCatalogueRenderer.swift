import ProcDef

/// Renders the rule catalogue for `procdef rules` and one rule's documentation for `procdef explain`.
package struct RuleCatalogueRenderer: Sendable {
    package init() {}

    /// One line a rule, sorted by id, in three aligned columns: id, default severity (`off` when the rule only runs
    /// if the config turns it on), summary. No header line, so `procdef rules | cut -d' ' -f1` lists the ids.
    ///
    /// ```
    /// handoff/gap                      error    responsibility changes on a transition with no handoff declared
    /// raci/responsible-is-accountable  off      a role both R and A on one activity
    /// ```
    package func renderTable(_ rules: [RuleDescriptor]) -> String {
        let sorted = rules.sorted { $0.id < $1.id }
        let idWidth = sorted.map(\.id.count).max() ?? 0
        let severityWidth = sorted.map { Self.severityName($0.defaultSeverity).count }.max() ?? 0
        var output = ""
        for rule in sorted {
            output += Self.padded(rule.id, to: idWidth) + "  "
            output += Self.padded(Self.severityName(rule.defaultSeverity), to: severityWidth) + "  "
            output += Self.oneLine(rule.summary) + "\n"
        }
        return output
    }

    /// The id, default severity and summary, the explanation (wrapped at 80 columns), then the failing and the fixed
    /// example, each indented by four spaces so that the YAML stands apart from the prose (and pastes as a Markdown
    /// code block).
    ///
    /// ```
    /// handoff/gap
    /// default severity: error
    /// summary: responsibility changes on a transition with no handoff declared
    ///
    /// <explanation>
    ///
    /// Failing example:
    ///
    ///     kind: process
    ///     ...
    ///
    /// Fixed example:
    ///
    ///     ...
    /// ```
    /// `4`, `0.5`: options are counts or shares, written as a user would write them.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    ///
    /// `limits`, given for `yaml/limits`, adds the value of each limit in effect and where it came from, in aligned
    /// columns after the options:
    ///
    /// ```
    /// Limits in effect here (a flag beats the config, which beats the default):
    ///   max-file-size        8MiB   default
    ///   max-depth            32     .procdef.yaml line 3
    ///   max-activities       2000   --max-activities
    /// ```
    package func renderExplanation(of rule: RuleDescriptor, limits: EffectiveLimits? = nil) -> String {
        var output = "\(rule.id)\n"
        output += "default severity: \(Self.severityName(rule.defaultSeverity))\n"
        output += "summary: \(Self.oneLine(rule.summary))\n"
        let explanation = Self.trimmingBlankEdges(rule.explanation)
        if !explanation.isEmpty {
            output +=
                "\n"
                + explanation.split(separator: "\n", omittingEmptySubsequences: false)
                .map { Self.wrapped($0, width: Self.proseWidth) }
                .joined(separator: "\n") + "\n"
        }
        if !rule.options.isEmpty {
            output +=
                "\nOptions (set in .procdef.yaml, e.g. `\(rule.id): {\(rule.options[0].name): \(Self.number(rule.options[0].defaultValue))}`):\n"
            for option in rule.options {
                output += "  \(option.name) (default \(Self.number(option.defaultValue))): \(option.summary)\n"
            }
        }
        if let limits {
            output += "\nLimits in effect here (a flag beats the config, which beats the default):\n"
            let values = limits.entries.map { $0.limit.syntax.format($0.value) }
            let nameWidth = limits.entries.map(\.limit.name.count).max() ?? 0
            let valueWidth = values.map(\.count).max() ?? 0
            for (entry, value) in zip(limits.entries, values) {
                // The source names the config file by its path, which may hold anything a directory name can.
                let source = TerminalEscaping.sanitized(entry.source.description, keepingTabs: false)
                output +=
                    "  " + Self.padded(entry.limit.name, to: nameWidth) + "  " + Self.padded(value, to: valueWidth) + "  " + source + "\n"
            }
        }
        output += "\nFailing example:\n\n" + Self.indented(rule.failingExample)
        output += "\nFixed example:\n\n" + Self.indented(rule.fixedExample)
        return output
    }

    /// Explanations are written one paragraph a line; a terminal reads best with prose kept within 80 columns.
    static let proseWidth = 80

    /// `line` broken at spaces into lines of at most `width` characters; a longer word stays whole on its own line.
    static func wrapped(_ line: Substring, width: Int) -> String {
        guard line.count > width else { return String(line) }
        var lines: [String] = []
        var current = ""
        for word in line.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.joined(separator: "\n")
    }

    private static func severityName(_ severity: Severity?) -> String {
        severity?.rawValue ?? "off"
    }

    private static func padded(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    /// A table row must stay one row, whatever the summary holds.
    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces() }.joined(separator: " ")
    }

    /// Every line indented by four spaces, except empty ones, which stay empty (no trailing whitespace).
    private static func indented(_ text: String) -> String {
        let body = trimmingBlankEdges(text)
        guard !body.isEmpty else { return "    (none)\n" }
        return body.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.allSatisfy { $0 == " " || $0 == "\t" } ? "" : "    " + $0 }
            .joined(separator: "\n") + "\n"
    }

    /// Without leading and trailing blank lines, so examples written as multi-line literals print tidily.
    private static func trimmingBlankEdges(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines.removeFirst() }
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map(index(after:)) ?? start
        return self[start..<end]
    }
}
