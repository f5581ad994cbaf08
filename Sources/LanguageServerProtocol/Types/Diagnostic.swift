/// A finding in a document, as `textDocument/publishDiagnostics` sends it and code actions receive it back.
public struct Diagnostic: Codable, Hashable, Sendable {
    public var range: Range
    public var severity: DiagnosticSeverity?
    /// The rule's id; always a string here, though LSP also allows an integer.
    public var code: String?
    public var codeDescription: CodeDescription?
    public var source: String?
    public var message: String
    public var relatedInformation: [DiagnosticRelatedInformation]?
    /// Kept by the client and sent back in a code action request, so a fix can be found without recomputing.
    public var data: JSONValue?

    public init(
        range: Range, severity: DiagnosticSeverity? = nil, code: String? = nil, codeDescription: CodeDescription? = nil,
        source: String? = nil, message: String, relatedInformation: [DiagnosticRelatedInformation]? = nil, data: JSONValue? = nil
    ) {
        self.range = range
        self.severity = severity
        self.code = code
        self.codeDescription = codeDescription
        self.source = source
        self.message = message
        self.relatedInformation = relatedInformation
        self.data = data
    }

    private enum CodingKeys: String, CodingKey {
        case range, severity, code, codeDescription, source, message, relatedInformation, data
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        range = try container.decode(Range.self, forKey: .range)
        severity = try container.decodeIfPresent(DiagnosticSeverity.self, forKey: .severity)
        // A client sends back, in a code action request, every diagnostic at the range, other servers' too, whose
        // codes may be integers; refusing those would refuse the whole request.
        switch try container.decodeIfPresent(JSONValue.self, forKey: .code) {
        case .string(let string)?: code = string
        case .number(let number)? where number.isFinite: code = JSONValue.exactInteger(number).map(String.init) ?? "\(number)"
        default: code = nil
        }
        codeDescription = try container.decodeIfPresent(CodeDescription.self, forKey: .codeDescription)
        source = try container.decodeIfPresent(String.self, forKey: .source)
        message = try container.decode(String.self, forKey: .message)
        relatedInformation = try container.decodeIfPresent([DiagnosticRelatedInformation].self, forKey: .relatedInformation)
        data = try container.decodeIfPresent(JSONValue.self, forKey: .data)
    }
}

/// How serious a diagnostic is.
public enum DiagnosticSeverity: Int, Codable, Hashable, Sendable {
    case error = 1
    case warning = 2
    case information = 3
    case hint = 4
}

/// A link to the documentation of a diagnostic's code.
public struct CodeDescription: Codable, Hashable, Sendable {
    public var href: String

    public init(href: String) {
        self.href = href
    }
}

/// Another place that a diagnostic refers to, with what it is.
public struct DiagnosticRelatedInformation: Codable, Hashable, Sendable {
    public var location: Location
    public var message: String

    public init(location: Location, message: String) {
        self.location = location
        self.message = message
    }
}

/// The params of `textDocument/publishDiagnostics`: the whole set for the document, replacing the previous one.
public struct PublishDiagnosticsParams: Codable, Hashable, Sendable {
    public var uri: DocumentURI
    /// The version of the document the diagnostics were computed from, when it was open.
    public var version: Int?
    public var diagnostics: [Diagnostic]

    public init(uri: DocumentURI, version: Int? = nil, diagnostics: [Diagnostic]) {
        self.uri = uri
        self.version = version
        self.diagnostics = diagnostics
    }
}
