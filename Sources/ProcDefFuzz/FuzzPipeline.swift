import Foundation
import ProcDef
import ProcDefOutput

/// The whole of procdef on one fuzzer input: bytes -> YAML nodes -> model -> every rule and policy -> every emitter,
/// all in memory. Shared by the libFuzzer target and the regression tests that replay what it found.
package enum FuzzPipeline {
    /// A fixed date, so that waivers are judged the same on every run.
    static let today = CalendarDate(year: 2026, month: 1, day: 15)

    /// What one run produced, for the regression tests to look at.
    package struct Outcome: Sendable, Equatable {
        package var diagnostics: [Diagnostic]
        /// Every diagnostic format, concatenated: text (with and without colour), GitHub, JSON, SARIF, GitLab; then
        /// the RACI table of every process and the handoff map as text and CSV.
        package var diagnosticOutput: String
        /// The build tree (`--allow-errors`, so broken processes are emitted too), or why it could not be planned.
        package var build: Result<OutputTree, BuildError>
    }

    /// Runs the pipeline; traps (so the fuzzer reports a crash) when an invariant breaks: output that depends on
    /// the order the files came in, JSON that does not parse, an output that lets through what its escaping must
    /// stop (`checkOutputInvariants`, `checkMarkdown`), or a fix that makes a file that parsed fail to
    /// (`FixInvariants`).
    @discardableResult
    package static func run(_ bytes: [UInt8]) -> Outcome {
        let files = FuzzInput.files(from: bytes) + FixedWorkspaceFiles.all
        let (outcome, json) = check(files, checkingFixes: true)
        // The same files in the opposite order must give the same bytes: output never depends on input order.
        let (reversed, _) = check(files.reversed(), checkingFixes: false)
        diff(FuzzInput.files(from: bytes))
        precondition(reversed.diagnosticOutput == outcome.diagnosticOutput, "diagnostics depend on the order of the input files")
        precondition(reversed.build == outcome.build, "the build depends on the order of the input files")
        for document in json {
            precondition(
                (try? JSONSerialization.jsonObject(with: Data(document.utf8))) != nil, "a JSON renderer wrote something that is not JSON")
        }
        return outcome
    }

    /// `procdef diff` with the first file as the old version and the second as the new one, at the same path.
    static func diff(_ parts: [SourceFile]) {
        guard parts.count >= 2 else { return }
        let options = CheckOptions(today: today)
        func report(_ part: SourceFile) -> CheckReport {
            Checker.check(
                files: [SourceFile(path: "Processes/process.yaml", bytes: part.bytes)] + FixedWorkspaceFiles.all, options: options)
        }
        let diff = ProcessDiff.compare(old: report(parts[0]), new: report(parts[1]))
        _ = DiffTextRenderer().render(diff) + DiffMarkdownRenderer().render(diff)
        let json = DiffJSONRenderer().render(diff)
        precondition((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil, "the diff's JSON does not parse")
    }

    /// Text for a terminal carries no control or bidi character but line breaks and tabs; each GitHub workflow
    /// command stays on one line, however many line breaks the message had.
    static func checkOutputInvariants(plain: String, github: String, diagnostics: Int) {
        precondition(
            !plain.unicodeScalars.contains { $0 != "\n" && TerminalEscaping.isUnsafe($0) },
            "the text renderer let a control or bidi character through"
        )
        let commands = github.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        precondition(commands.count == diagnostics, "a GitHub annotation spans more than one line")
        precondition(
            commands.allSatisfy { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") || $0.hasPrefix("::notice ") },
            "a GitHub annotation line is not a workflow command"
        )
    }

    /// Runbooks and the index show names as text: no HTML tag, comment or processing instruction gets through. Inside
    /// a runbook's Mermaid block, whose labels Mermaid reads as HTML, the only tag is procdef's own line break
    /// `<br/>`: the names' `<` is `#lt;` there.
    static func checkMarkdown(_ tree: OutputTree) {
        for path in tree.paths where path.hasSuffix(".md") {
            let bytes = tree.files[path] ?? []
            var inMermaid = false
            var lineStart = true
            for (index, byte) in bytes.enumerated() {
                if lineStart, bytes[index...].starts(with: Array("```".utf8)) {
                    inMermaid = !inMermaid && bytes[index...].starts(with: Array("```mermaid".utf8))
                }
                lineStart = byte == UInt8(ascii: "\n")
                guard byte == UInt8(ascii: "<"), index + 1 < bytes.count else { continue }
                if inMermaid {
                    precondition(bytes[index...].starts(with: Array("<br/>".utf8)), "\(path) lets raw HTML into a Mermaid label")
                    continue
                }
                let next = bytes[index + 1]
                let opensMarkup =
                    (next >= 0x41 && next <= 0x5A) || (next >= 0x61 && next <= 0x7A) || next == UInt8(ascii: "/")
                    || next == UInt8(ascii: "!") || next == UInt8(ascii: "?")
                precondition(!opensMarkup, "\(path) lets raw HTML through")
            }
        }
    }

    private static func check(_ files: [SourceFile], checkingFixes: Bool) -> (Outcome, json: [String]) {
        let options = CheckOptions(today: today)
        let workspace = Workspace.load(files: files, options: options)
        let active = workspace.configs.first.map { ActiveConfig(config: $0, source: nil, diagnostics: []) }
        // Whatever a config holds, it can only lower a safety limit: a pull request must not be able to raise one.
        let limits = EffectiveLimits(config: active?.config)
        precondition(
            limits.entries.allSatisfy { (1...$0.limit.defaultValue).contains($0.value) }, "a config set a safety limit above its default")
        let report = Checker.check(workspace, config: active, options: options)
        if checkingFixes {
            let fixes = FixInvariants.violations(in: report, files: files, options: options, limit: 16)
            precondition(fixes.violations.isEmpty, "a fix breaks a file: " + fixes.violations.joined(separator: "; "))
        }
        let json = [
            JSONDiagnosticRenderer().render(report),
            SARIFRenderer(toolVersion: "fuzz").render(report),
            GitLabCodeQualityRenderer().render(report),
        ]
        let plain = TextDiagnosticRenderer(colors: false).render(report)
        let github = GitHubAnnotationRenderer().render(report)
        checkOutputInvariants(plain: plain, github: github, diagnostics: report.diagnostics.count)
        let output = TextDiagnosticRenderer(colors: true).render(report) + plain + github + json.joined()
        let build: Result<OutputTree, BuildError>
        do throws(BuildError) {
            build = .success(try BuildPlan(report: report).tree)
        } catch {
            build = .failure(error)
        }
        if case .success(let tree) = build { checkMarkdown(tree) }
        // `procdef raci` and `procdef handoffs` print what the build does not write.
        let map = HandoffMap(report: report)
        let review =
            CheckedProcess.all(in: report).map { RACITableRenderer().render($0) }.joined()
            + HandoffMapTextRenderer().render(map) + HandoffMapCSVRenderer().render(map)
        return (Outcome(diagnostics: report.diagnostics, diagnosticOutput: output + review, build: build), json)
    }
}
