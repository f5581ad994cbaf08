import LanguageServerProtocol
import ProcDef
import ProcDefOutput
import YAMLTree

/// Turns procdef's positions (byte offsets into a file) into the protocol's (line and character in the negotiated
/// encoding), reading each file's line index once.
final class PositionConverter {
    private let workspace: ServerWorkspace
    let encoding: PositionEncoding
    private var indexes: [String: LineIndex] = [:]

    init(workspace: ServerWorkspace, encoding: PositionEncoding) {
        self.workspace = workspace
        self.encoding = encoding
    }

    func lineIndex(of path: String) -> LineIndex? {
        if let index = indexes[path] { return index }
        guard let bytes = workspace.bytes(of: path) else { return nil }
        let index = workspace.isCheckedAsTyped(path) ? workspace.documents[path]?.lineIndex ?? LineIndex(bytes) : LineIndex(bytes)
        indexes[path] = index
        return index
    }

    /// The protocol's range of `range` in `path`; the start of the file when the file cannot be read.
    func range(_ range: SourceRange, in path: String) -> LanguageServerProtocol.Range {
        guard let index = lineIndex(of: path) else {
            return LanguageServerProtocol.Range(at: Position(line: max(range.start.line - 1, 0), character: 0))
        }
        let start = min(max(range.start.offset, 0), index.bytes.count)
        let end = min(max(range.end.offset, start), index.bytes.count)
        return index.range(ofByteRange: start..<end, encoding: encoding)
    }

    func location(_ range: SourceRange, in path: String) -> Location {
        Location(uri: workspace.uri(of: path), range: self.range(range, in: path))
    }

    /// The byte offset of a protocol position in `path`; nil past the end of the file.
    func offset(of position: Position, in path: String) -> Int? {
        lineIndex(of: path)?.byteOffset(of: position, encoding: encoding)
    }
}

/// One finding as the protocol's diagnostic: its rule id as `code`, a link to the rule's documentation, and its
/// notes and witness path as related information.
struct DiagnosticConverter {
    let workspace: ServerWorkspace
    let positions: PositionConverter

    init(workspace: ServerWorkspace, encoding: PositionEncoding) {
        self.workspace = workspace
        self.positions = PositionConverter(workspace: workspace, encoding: encoding)
    }

    func convert(_ finding: ProcDef.Diagnostic) -> LanguageServerProtocol.Diagnostic {
        var related: [DiagnosticRelatedInformation] = []
        for note in finding.notes {
            guard let range = note.range else { continue }
            related.append(
                DiagnosticRelatedInformation(location: positions.location(range, in: note.file ?? finding.file), message: note.message))
        }
        for (number, step) in finding.path.enumerated() {
            related.append(
                DiagnosticRelatedInformation(
                    location: positions.location(step.range, in: step.file), message: "step \(number + 1): \(step.message)"))
        }
        var message = finding.message
        if let help = finding.help { message += "\nhelp: \(help)" }
        for note in finding.notes where note.range == nil { message += "\nnote: \(note.message)" }
        return LanguageServerProtocol.Diagnostic(
            range: positions.range(finding.range, in: finding.file),
            severity: Self.severity(finding.severity),
            code: finding.rule,
            codeDescription: link(finding.rule).map(CodeDescription.init(href:)),
            source: "procdef",
            message: message,
            relatedInformation: related.isEmpty ? nil : related)
    }

    /// The rule's section of docs/rules.md; for a policy's finding, the policy's own file, which explains it.
    private func link(_ rule: String) -> String? {
        if let url = workspace.references.url(forRule: rule) { return url }
        guard rule.hasPrefix("policy/"), let policy = workspace.report?.workspace.policy(id: String(rule.dropFirst("policy/".count)))
        else { return nil }
        return workspace.uri(of: policy.file)
    }

    static func severity(_ severity: Severity) -> DiagnosticSeverity {
        switch severity {
        case .error: .error
        case .warning: .warning
        case .note: .information
        }
    }
}
