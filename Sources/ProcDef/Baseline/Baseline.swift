import Foundation
import YAMLTree

/// The baseline file (`.procdef-baseline.json`): the findings a repository accepts as known, by key and count.
///
/// ```
/// {
///   "version": 1,
///   "about": "Known findings that procdef check neither reports nor fails on. ...",
///   "findings": [
///     {"rule": "handoff/gap", "file": "Processes/incident.yaml", "process": "incident-management", "activities": ["log", "diagnose"], "roles": ["service-desk", "resolver-group"], "count": 1}
///   ]
/// }
/// ```
///
/// One finding key a line, sorted by file, rule and key, so the same findings give the same bytes and a review of
/// the file's diff shows exactly what was accepted or fixed (`BaselineFileRenderer` writes it). File paths are
/// relative to the baseline's folder.
public struct Baseline: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var key: FindingKey
        public var count: Int
        /// Where the entry is written, for a `lint/stale-baseline` note; the file's start when the file was laid out
        /// by hand.
        public var range: SourceRange

        public init(key: FindingKey, count: Int, range: SourceRange = .fileStart) {
            self.key = key
            self.count = count
            self.range = range
        }
    }

    /// The default file name, beside the config (or in the current directory without one).
    public static let defaultFileName = ".procdef-baseline.json"

    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// The baseline of `findings` (of a check without a baseline, so none is a `lint/stale-baseline` note): one
    /// entry per key, counted, sorted.
    public init(findings: [Diagnostic], root: String, currentDirectory: String) {
        var counts: [FindingKey: Int] = [:]
        for finding in findings {
            counts[FindingKey(finding, root: root, currentDirectory: currentDirectory), default: 0] += 1
        }
        entries = counts.keys.sorted().map { Entry(key: $0, count: counts[$0] ?? 0) }
    }

    /// The largest count an entry may have: far above any real repository, and small enough that no sum of the
    /// counts a file within the size limit can hold overflows.
    public static let largestCount = 1_000_000_000

    /// The number of findings the baseline holds.
    public var findingCount: Int { entries.reduce(0) { $0 + $1.count } }

    // MARK: Reading

    /// Why a baseline file cannot be used.
    public struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
        public var file: String
        public var line: Int?
        public var message: String

        public var description: String {
            (line.map { "\(file):\($0): " } ?? "\(file): ") + message
        }
    }

    /// Reads the text of a baseline file shown as `file`.
    public init(parsing bytes: [UInt8], file: String) throws(ReadError) {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
        } catch {
            let described = (error as NSError).userInfo["NSDebugDescription"] as? String ?? "\(error)"
            throw ReadError(file: file, line: nil, message: "not valid JSON: \(described)")
        }
        guard let top = object as? [String: Any] else {
            throw ReadError(file: file, line: 1, message: "a baseline is a JSON object with \"version\" and \"findings\"")
        }
        guard let version = top["version"] as? Int, version == 1 else {
            throw ReadError(
                file: file, line: 1,
                message: "unknown baseline version \(top["version"].map { "\($0)" } ?? "(none)"): this procdef reads version 1")
        }
        guard let list = top["findings"] as? [Any] else {
            throw ReadError(file: file, line: 1, message: "\"findings\" must be a list")
        }
        let ranges = Self.entryRanges(bytes)
        var entries: [Entry] = []
        for (index, item) in list.enumerated() {
            let range = ranges.count == list.count ? ranges[index] : .fileStart
            func fail(_ message: String) -> ReadError {
                ReadError(file: file, line: range.start.line, message: "finding \(index + 1): \(message)")
            }
            guard let fields = item as? [String: Any] else { throw fail("must be an object") }
            guard let rule = fields["rule"] as? String, !rule.isEmpty else { throw fail("needs a \"rule\"") }
            guard let path = fields["file"] as? String else { throw fail("needs a \"file\"") }
            guard let count = fields["count"] as? Int, count >= 1, count <= Self.largestCount else {
                throw fail("needs a \"count\" from 1 to \(Self.largestCount)")
            }
            var subjects = FindingSubjects()
            subjects.process = try Self.text(fields["process"], "process", fail)
            subjects.activities = try Self.texts(fields["activities"], "activities", fail)
            subjects.roles = try Self.texts(fields["roles"], "roles", fail)
            subjects.policy = try Self.text(fields["policy"], "policy", fail)
            if let waiver = fields["waiver"] {
                guard let pair = waiver as? [String: Any], let process = pair["process"] as? String, let policy = pair["policy"] as? String
                else { throw fail("\"waiver\" must be an object with \"process\" and \"policy\"") }
                subjects.waiver = WaiverSubject(process: process, policy: policy)
            }
            entries.append(Entry(key: FindingKey(rule: rule, file: path, subjects: subjects), count: count, range: range))
        }
        self.entries = entries
    }

    private static func text(_ value: Any?, _ name: String, _ fail: (String) -> ReadError) throws(ReadError) -> String? {
        guard let value else { return nil }
        guard let text = value as? String else { throw fail("\"\(name)\" must be a string") }
        return text
    }

    private static func texts(_ value: Any?, _ name: String, _ fail: (String) -> ReadError) throws(ReadError) -> [String] {
        guard let value else { return [] }
        guard let list = value as? [Any], let texts = list as? [String] else { throw fail("\"\(name)\" must be a list of strings") }
        return texts
    }

    /// Where each entry is, as `BaselineFileRenderer` lays them out (one `{"rule"` a line): from that brace to the line's end.
    private static func entryRanges(_ bytes: [UInt8]) -> [SourceRange] {
        var ranges: [SourceRange] = []
        let marker = Array("{\"rule\"".utf8)
        var lineStart = 0
        var line = 1
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            var first = lineStart
            while first < lineEnd, bytes[first] == UInt8(ascii: " ") || bytes[first] == UInt8(ascii: "\t") { first += 1 }
            if bytes[first..<lineEnd].starts(with: marker) {
                var last = lineEnd
                while last > first, bytes[last - 1] == UInt8(ascii: ",") || bytes[last - 1] == UInt8(ascii: "\r") { last -= 1 }
                // Columns count Unicode scalars: every byte but a UTF-8 continuation byte starts one.
                let column = { (offset: Int) in 1 + bytes[lineStart..<offset].count { $0 & 0xC0 != 0x80 } }
                ranges.append(
                    SourceRange(
                        start: SourcePosition(line: line, column: column(first), offset: first),
                        end: SourcePosition(line: line, column: column(last), offset: last)))
            }
            lineStart = lineEnd + 1
            line += 1
        }
        return ranges
    }
}
