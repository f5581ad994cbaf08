import Foundation
import ProcDef
import ProcDefFuzz
import ProcDefTestSupport
import XCTest

/// A seeded property test of every fix: the shipped examples and the test fixtures, each edited at random in the ways
/// that make findings with fixes (a handoff dropped, a `#` written into a text, a suppression that silences nothing, a
/// misspelt key or role) and in ways that break them (characters YAML reads as syntax, indentation, CRLF), are checked;
/// every fix of every finding, and the inline suppression of each, applied alone, must leave a file that parsed still
/// parsing (`FixInvariants`, which the fuzz target checks too). In every third case, one fix is also checked to resolve
/// its finding.
///
/// `PROCDEF_FIX_PROPERTY_CASES` sets how many cases run (default 300); CI's fuzz smoke runs more. A failure names the
/// case's seed and file, and `PROCDEF_FIX_PROPERTY_SEED` replays that one case.
final class FixPropertyTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    private static func files(under folder: String) -> [String] {
        let base = root.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { ($0 as? URL)?.path }.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
    }

    private static func source(_ path: String, as shown: String) throws -> SourceFile {
        SourceFile(path: shown, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    func testEveryFixKeepsAFileThatParsedParsing() throws {
        let environment = ProcessInfo.processInfo.environment
        let cases = environment["PROCDEF_FIX_PROPERTY_CASES"].flatMap(Int.init) ?? 300
        let inputs =
            Self.files(under: "Processes").filter { !$0.hasSuffix("/roles.yaml") }
            + Self.files(under: "Tests/ProcDefCLITests/Fixtures")
        XCTAssertGreaterThan(inputs.count, 20)
        // Checked beside the shipped roles and policies, so that references resolve and every kind of finding occurs.
        let context =
            try [Self.source(Self.root.appendingPathComponent("Processes/roles.yaml").path, as: "Processes/roles.yaml")]
            + Self.files(under: "Policies").map { try Self.source($0, as: "Policies/" + URL(fileURLWithPath: $0).lastPathComponent) }
        let options = CheckOptions(today: CalendarDate(year: 2026, month: 6, day: 1))
        let seeds = environment["PROCDEF_FIX_PROPERTY_SEED"].flatMap(UInt64.init).map { [$0] } ?? (0..<UInt64(cases)).map { $0 }
        var checked: [String: Int] = [:]
        var resolved = 0
        for seed in seeds {
            var mutator = FixtureMutator(seed: seed)
            let input = inputs[mutator.below(inputs.count)]
            let original = String(decoding: try Data(contentsOf: URL(fileURLWithPath: input)), as: UTF8.self)
            let file = SourceFile(path: "Processes/case.yaml", bytes: Array(mutator.mutate(original).utf8))
            let report = Checker.check(files: [file] + context, options: options)
            let outcome = FixInvariants.violations(in: report, files: [file], options: options)
            checked.merge(outcome.fixesChecked, uniquingKeysWith: +)
            XCTAssertEqual(outcome.violations, [], "seed \(seed), \(input)")
            // Every third case, one fix chosen by the seed resolves its finding: the file checked again has one such
            // finding fewer. (Each case would double the time a check costs.) Not where a key is given twice: the
            // later one, unread until the first is renamed, may then be the same finding again.
            guard seed % 3 == 0, !report.diagnostics.contains(where: { $0.rule == "yaml/duplicate-key" }) else { continue }
            let suppression = InlineSuppressionFix(source: file, options: options)
            let offers = report.diagnostics.filter { $0.file == file.path }.flatMap { finding in
                (finding.fixes + [suppression?.fix(for: finding)].compactMap { $0 }).map { (finding, $0) }
            }
            guard !offers.isEmpty else { continue }
            let (finding, fix) = offers[mutator.below(offers.count)]
            let fixed = FixApplication([fix], to: file.bytes, file: file.path).bytes
            let again = Checker.check(files: [SourceFile(path: file.path, bytes: fixed)] + context, options: options)
            func count(_ diagnostics: [Diagnostic]) -> Int {
                diagnostics.count { $0.file == file.path && $0.rule == finding.rule && $0.message == finding.message }
            }
            XCTAssertLessThan(
                count(again.diagnostics), count(report.diagnostics),
                "seed \(seed), \(input): '\(fix.description)' left [\(finding.rule)] \(finding.message)")
            resolved += 1
        }
        guard environment["PROCDEF_FIX_PROPERTY_SEED"] == nil else { return }
        // The cases exercise every kind of fix there is.
        for kind in ["handoff/gap", "yaml/comment-in-text", "lint/unused-suppression", "schema/unknown-key", "ref/unknown-role"] {
            XCTAssertGreaterThan(checked[kind] ?? 0, 0, "no case offered a fix for \(kind)")
        }
        XCTAssertGreaterThan(checked["inline suppression"] ?? 0, cases)
        XCTAssertGreaterThan(resolved, cases / 6)
    }
}

/// Seeded edits of a YAML file, a few a case, each on whole lines or at one spot.
struct FixtureMutator {
    private var random: SplitMix64

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    mutating func below(_ count: Int) -> Int {
        Int(random.next() % UInt64(max(1, count)))
    }

    private static let rules = [
        "handoff/gap", "raci/too-many-consulted", "handoff/*", "yaml/comment-in-text", "schema/unknown-key", "handof/gap", "lint/x",
    ]
    private static let roles = [
        "service-desk", "application-support", "network-carrier", "[service-desk, infrastructure-ops]", "incident-manager",
    ]
    private static let fragments = [
        "{", "}", "[", "]", "#", "#x", " #x", ":", ": ", "- ", "|", ">", "'", "\"", "&a ", "*a", "!!str ", "\t", "\r", " ", "? ", ",",
    ]

    mutating func mutate(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var wholeFile: ((String) -> String)?
        for _ in 0...below(3) {
            guard !lines.isEmpty else { break }
            let at = below(lines.count)
            let indentation = String(lines[at].prefix { $0 == " " })
            switch below(14) {
            case 0: lines.remove(at: at)
            case 1: lines.insert(lines[at], at: at)
            case 2:
                // A handoff dropped, with the lines under it: a handoff gap.
                guard let start = lines.indices.filter({ lines[$0].contains("handoff:") }).randomElement(using: &self) else { break }
                let depth = lines[start].prefix { $0 == " " || $0 == "-" }.count
                var end = start + 1
                while end < lines.count, lines[end].prefix(while: { $0 == " " }).count > depth { end += 1 }
                lines.removeSubrange(start..<end)
            case 3:
                // A channel or tag written into a text: `yaml/comment-in-text`.
                guard
                    let line = lines.indices.filter({ lines[$0].contains("name: ") || lines[$0].contains("- ") }).randomElement(
                        using: &self)
                else { break }
                lines[line] += [" #incident-bridge", " #x # a comment", " #x # procdef: ignore handoff/gap -- r", " #y'\"\\"][below(4)]
            case 4:
                let rule = Self.rules[below(Self.rules.count)]
                let comment = "# procdef: ignore \(rule)\(below(2) == 0 ? ", raci/idle-role" : "") -- reason"
                if below(2) == 0 { lines.insert(indentation + comment, at: at) } else { lines[at] += "  " + comment }
            case 5:
                // A misspelt key: one character of the word before `:` dropped.
                guard let colon = lines[at].firstIndex(of: ":"), colon > lines[at].startIndex else { break }
                let word = lines[at][..<colon]
                let drop = word.index(word.startIndex, offsetBy: below(word.count))
                if lines[at][drop] != " " && lines[at][drop] != "-" { lines[at].remove(at: drop) }
            case 6: lines[at] = below(2) == 0 ? "  " + lines[at] : String(lines[at].dropFirst(min(2, indentation.count)))
            case 7:
                // A role or activity id misspelt: its last character doubled.
                let references = ["responsible: ", "accountable: ", "next: ", "to: "]
                guard let line = lines.indices.filter({ i in references.contains { lines[i].contains($0) } }).randomElement(using: &self),
                    let last = lines[line].last, last.isLetter
                else { break }
                lines[line].append(last)
            case 8 where at + 1 < lines.count: lines.swapAt(at, at + 1)
            case 12, 13:
                // Another role responsible: a handoff gap where the work now changes hands.
                guard let line = lines.indices.filter({ lines[$0].contains("responsible: ") }).randomElement(using: &self),
                    let colon = lines[line].range(of: "responsible: ")
                else { break }
                lines[line] = lines[line][..<colon.upperBound] + Self.roles[below(Self.roles.count)]
            case 9:
                let fragment = Self.fragments[below(Self.fragments.count)]
                let column = lines[at].index(lines[at].startIndex, offsetBy: below(lines[at].count + 1))
                lines[at].insert(contentsOf: fragment, at: column)
            case 10: wholeFile = { $0.replacingOccurrences(of: "\n", with: "\r\n") }
            default: wholeFile = { $0.hasSuffix("\n") ? String($0.dropLast()) : $0 }
            }
        }
        let result = lines.joined(separator: "\n")
        return wholeFile?(result) ?? result
    }
}

extension FixtureMutator: RandomNumberGenerator {
    mutating func next() -> UInt64 { random.next() }
}
