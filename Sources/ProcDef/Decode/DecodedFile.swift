import YAMLTree

/// Everything one file holds, decoded but not yet linked to the other files: the first half of loading a workspace.
package struct DecodedFile: Sendable {
    package var file: String
    package var catalogues: [RoleCatalogue] = []
    package var processes: [ProcessDefinition] = []
    package var policies: [Policy] = []
    package var configs: [Config] = []
    package var externalProcesses: [ExternalProcess] = []
    /// `yaml/*` and `schema/*` findings of this file, in no particular order.
    package var diagnostics: [Diagnostic] = []
    /// `# procdef: ignore ...` comments found in the file.
    package var suppressions: [InlineSuppression] = []

    package init(file: String) {
        self.file = file
    }

    /// Parses `source` and decodes each of its documents. Never traps: every problem is a diagnostic.
    package init(decoding source: SourceFile, options: CheckOptions = CheckOptions()) {
        self.init(decoding: source, options: options, texts: TextInterner())
    }

    /// As `init(decoding:options:)`, storing each text once across the files that share `texts`.
    init(decoding source: SourceFile, options: CheckOptions, texts: TextInterner) {
        let parsed = YAMLReader.parse(source.bytes, limits: options.limits)
        self.init(decoding: parsed, file: source.path, options: options, texts: texts, bytes: source.bytes)
        diagnostics += CommentInText.diagnostics(in: parsed.documents, bytes: source.bytes, file: source.path)
        if InlineSuppression.mayOccur(in: source.bytes) {
            let scalars = parsed.documents.flatMap { $0.scalarByteRanges() }.sorted { $0.lowerBound < $1.lowerBound }
            suppressions = InlineSuppression.scan(source.bytes, scalarRanges: scalars)
        }
    }

    /// Decodes documents already parsed from the file shown as `file`.
    package init(decoding parsed: YAMLParseResult, file: String, options: CheckOptions = CheckOptions()) {
        self.init(decoding: parsed, file: file, options: options, texts: TextInterner())
    }

    /// `bytes`, the file's content, lets decoding work out fixes that write into it; without them there are none.
    init(decoding parsed: YAMLParseResult, file: String, options: CheckOptions, texts: TextInterner, bytes: [UInt8] = []) {
        let decoder = ModelDecoder(file: file, options: options, texts: texts, bytes: bytes)
        for problem in parsed.problems {
            decoder.decoded.diagnostics.append(Self.diagnostic(for: problem, file: file))
        }
        // A bare `---` gives a document with a null root; it says nothing, so it is neither an error nor a document.
        let documents = parsed.documents.filter { !$0.root.isNull }
        if documents.isEmpty && parsed.problems.isEmpty {
            decoder.report(
                EmptyFile.self, at: .fileStart, "file holds no YAML document",
                help: "start the file with `kind:` and one of roles, process, policy, config or external-process")
        }
        // A file with a YAML error is never edited (`FixPlan`): its positions may not be what they seem.
        let readable = parsed.problems.allSatisfy { $0.kind == .duplicateKey }
        for document in documents {
            decoder.editable = readable && !bytes.isEmpty && !document.hasAnchors
            decoder.decodeDocument(document)
        }
        self = decoder.decoded
    }

    static func diagnostic(for problem: YAMLProblem, file: String) -> Diagnostic {
        let rule: any Rule.Type =
            switch problem.kind {
            case .syntax: YAMLSyntax.self
            case .duplicateKey: DuplicateKey.self
            case .limits: SafetyLimits.self
            case .encoding: InvalidEncoding.self
            }
        let notes = problem.notes.map { Diagnostic.Note(message: $0.message, file: file, range: $0.range) }
        return rule.diagnostic(file: file, range: problem.range, message: problem.message, notes: notes)
    }
}
