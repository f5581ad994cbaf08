import Foundation
import ProcDef
import ProcDefOutput

/// The whole of procdef on one fuzzer input: bytes -> YAML nodes -> model -> every rule and policy -> every emitter,
/// all in memory. Shared by the libFuzzer target and the regression tests that replay what it found.
public enum FuzzPipeline {
    /// A fixed date, so that waivers are judged the same on every run.
    static let today = CalendarDate(year: 2026, month: 1, day: 15)

    /// What one run produced, for the regression tests to look at.
    public struct Outcome: Sendable {
        public var report: CheckReport
        public var text: String
        public var json: String
    }

    /// Runs the pipeline; traps (so the fuzzer reports a crash) when an invariant breaks: output that depends on
    /// the order the files came in, or JSON that does not parse.
    @discardableResult
    public static func run(_ bytes: [UInt8]) -> Outcome {
        let files = FuzzInput.files(from: bytes) + FixedWorkspaceFiles.all
        let outcome = check(files)
        // The same files in the opposite order must give the same bytes: output never depends on input order.
        let reversed = check(files.reversed())
        precondition(reversed.text == outcome.text, "text output depends on the order of the input files")
        precondition(reversed.json == outcome.json, "JSON output depends on the order of the input files")
        precondition(
            (try? JSONSerialization.jsonObject(with: Data(outcome.json.utf8))) != nil,
            "the JSON renderer wrote something that is not JSON"
        )
        return outcome
    }

    private static func check(_ files: [SourceFile]) -> Outcome {
        let options = CheckOptions(today: today)
        let workspace = Workspace.load(files: files, options: options)
        let active = workspace.configs.first.map { ActiveConfig(config: $0, source: nil, diagnostics: []) }
        let report = Checker.check(workspace, config: active, options: options)
        let text = TextDiagnosticRenderer(colors: true).render(report) + TextDiagnosticRenderer(colors: false).render(report)
        let json = JSONDiagnosticRenderer().render(report)
        return Outcome(report: report, text: text, json: json)
    }
}
