import YAMLTree

/// The unsafe fix that silences one finding with an inline suppression, `# procdef: ignore RULE -- reason`, for an
/// editor's code action on the finding under the cursor.
///
/// Asked for, never stored on findings: a report that listed it on every finding would double in size to say nothing
/// new, and `procdef check --fix --unsafe-fixes` would silence every finding at once (ruff, likewise, offers `noqa`
/// as a code action, not as a fix of its reports). The comment goes where `InlineSuppression` reads it for the
/// finding's line: into the rules of a suppression already aimed at that line; else on a line of its own above that
/// line, at its indentation (on a block text's key line, that is above the key); else after the line's content, when
/// the line starts inside a text that spans lines, or when the finding is at the very start of the file (whose
/// position does not move down with the line). A line that starts and ends inside a text (a line of a block text, `|`
/// or `>`, or of a quoted text spanning lines) has no such place, since a comment there would be text: no fix.
public struct InlineSuppressionFix: Sendable {
    /// The reason written after `--`, for the author to replace with theirs.
    public static let reasonPlaceholder = "TODO: say why this finding is acceptable"

    private let path: String
    private let bytes: [UInt8]
    /// The offset where each line starts, first line first.
    private let lineStarts: [Int]
    private let scalarRanges: [Range<Int>]
    private let suppressions: [InlineSuppression]
    private let limits: YAMLLimits
    /// Whether the file holds a `kind: config` document: the active configuration's findings join the report after
    /// suppressions are applied, so a suppression there would silence nothing.
    private let isConfiguration: Bool

    /// Reads `source` as the check did; nil when its content is no longer at hand, when it is not valid YAML (a file
    /// procdef cannot read is never edited), or when it breaks lines with CR alone, NEL, LS or PS, where libyaml's
    /// line numbers and the suppressions' own would disagree.
    public init?(source: SourceFile, options: CheckOptions = CheckOptions()) {
        guard let bytes = source.currentBytes() else { return nil }
        let parsed = YAMLReader.parse(bytes, limits: options.limits)
        guard parsed.problems.allSatisfy({ $0.kind == .duplicateKey }) else { return nil }
        var lineStarts = [0]
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "\n"): lineStarts.append(index + 1)
            case UInt8(ascii: "\r"): guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") else { return nil }
            case 0x85: guard index == 0 || bytes[index - 1] != 0xC2 else { return nil }
            case 0xA8, 0xA9: guard index < 2 || bytes[index - 2] != 0xE2 || bytes[index - 1] != 0x80 else { return nil }
            default: break
            }
        }
        // A last line break ends the last line; it starts none.
        if lineStarts.count > 1, lineStarts.last == bytes.count { lineStarts.removeLast() }
        let scalarRanges = parsed.documents.flatMap { $0.scalarByteRanges() }.sorted { $0.lowerBound < $1.lowerBound }
        self.path = source.path
        self.bytes = bytes
        self.lineStarts = lineStarts
        self.scalarRanges = scalarRanges
        self.suppressions = InlineSuppression.scan(bytes, scalarRanges: scalarRanges)
        self.limits = options.limits
        self.isConfiguration = parsed.documents.contains { document in
            guard let entries = document.root.entries, let kind = entries.index(ofScalarKey: "kind") else { return false }
            return entries[kind].value.isScalar("config")
        }
    }

    /// The fix for one finding in `source`: `InlineSuppressionFix(source:)` and `fix(for:)` in one call.
    public static func fix(for diagnostic: Diagnostic, source: SourceFile) -> Fix? {
        InlineSuppressionFix(source: source)?.fix(for: diagnostic)
    }

    /// The suppression of `diagnostic`; nil for a finding no suppression can silence (`lint/*`, a file procdef cannot
    /// read: `yaml/syntax`, `yaml/encoding`, `yaml/limits`, `io/*`, and a configuration file's), one in another file,
    /// and one whose line has no place for the comment.
    public func fix(for diagnostic: Diagnostic) -> Fix? {
        let rule = diagnostic.rule
        guard diagnostic.file == path, !isConfiguration, !rule.hasPrefix("lint/"), !RuleSelection.alwaysChecked.contains(rule),
            rule.utf8.allSatisfy(Self.isRuleIDByte)
        else { return nil }
        let line = diagnostic.range.start.line
        guard line >= 1, line <= lineStarts.count else { return nil }
        var start = lineStarts[line - 1]
        if start == 0, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end == bytes.count, end > start, bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        // The line's own break, else (the last line, with none) the file's first: a CRLF file stays CRLF.
        let lineBreak =
            end < bytes.count
            ? (end > start && bytes[end - 1] == UInt8(ascii: "\r") ? "\r\n" : "\n")
            : (bytes.firstIndex(of: UInt8(ascii: "\n")).map { $0 > 0 && bytes[$0 - 1] == UInt8(ascii: "\r") } == true ? "\r\n" : "\n")
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        // The finding's line must hold something other than white space and a comment: a comment line has no finding
        // that moves with it.
        guard let content = bytes[start..<end].firstIndex(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }),
            bytes[content] != UInt8(ascii: "#")
        else { return nil }
        let comment = "# procdef: ignore \(rule) -- \(Self.reasonPlaceholder)"
        let description = "Suppress '\(rule)' here with `# procdef: ignore \(rule)`"

        if let existing = suppressions.first(where: { $0.targetLine == line }), let last = existing.rules.last {
            guard !existing.covers(rule) else { return nil }
            return Fix.replace(
                SourceRange(at: last.range.end), in: path, with: ", \(rule)",
                description: "Add '\(rule)' to the suppression on line \(existing.range.start.line)", applicability: .unsafe)
        }
        // A line of its own above the finding's line is a comment wherever that line does not start inside a text. A
        // finding at the very start of the file may be about the file as a whole, though, and stay at 1:1 whatever
        // comes before the first line's content.
        if diagnostic.range.start.offset > 0, !isInsideScalar(start) {
            return Fix.replace(
                SourceRange(at: position(of: start, onLine: line)), in: path,
                with: String(decoding: bytes[start..<content], as: UTF8.self) + comment + lineBreak, description: description,
                applicability: .unsafe)
        }
        let after = Fix.replace(
            SourceRange(at: position(of: end, onLine: line)), in: path, with: "  " + comment, description: description,
            applicability: .unsafe)
        // After the content, the comment must read back as a suppression of the rule on this line: after a block
        // text's header (`key: |`), for one, it is part of the text.
        return !isInsideScalar(end) && readsBack(after, rule: rule, targetLine: line) ? after : nil
    }

    /// Whether the file with `fix` applied parses and holds a suppression of `rule` aimed at `targetLine`.
    private func readsBack(_ fix: Fix, rule: String, targetLine: Int) -> Bool {
        let fixed = FixApplication([fix], to: bytes, file: path).bytes
        let parsed = YAMLReader.parse(fixed, limits: limits)
        guard parsed.problems.allSatisfy({ $0.kind == .duplicateKey }) else { return false }
        let scalars = parsed.documents.flatMap { $0.scalarByteRanges() }.sorted { $0.lowerBound < $1.lowerBound }
        return InlineSuppression.scan(fixed, scalarRanges: scalars).contains { $0.targetLine == targetLine && $0.covers(rule) }
    }

    private static func isRuleIDByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "_")
    }

    /// Whether `offset` falls strictly inside a scalar: a line break there is part of the text.
    private func isInsideScalar(_ offset: Int) -> Bool {
        // The scalars are sorted by start: the last one starting before `offset` is the only one that can hold it,
        // since scalars do not nest.
        var low = 0
        var high = scalarRanges.count
        while low < high {
            let middle = (low + high) / 2
            if scalarRanges[middle].lowerBound < offset { low = middle + 1 } else { high = middle }
        }
        return low > 0 && scalarRanges[low - 1].upperBound > offset
    }

    private func position(of offset: Int, onLine line: Int) -> SourcePosition {
        let lineStart = lineStarts[line - 1]
        return SourcePosition(line: line, column: 1 + bytes[lineStart..<offset].count { $0 & 0xC0 != 0x80 }, offset: offset)
    }
}
