/// Text for people, in Markdown or plain text, as hovers and completion documentation carry it.
public struct MarkupContent: Codable, Hashable, Sendable {
    public var kind: MarkupKind
    public var value: String

    public init(kind: MarkupKind, value: String) {
        self.kind = kind
        self.value = value
    }

    public static func markdown(_ value: String) -> MarkupContent {
        MarkupContent(kind: .markdown, value: value)
    }

    public static func plaintext(_ value: String) -> MarkupContent {
        MarkupContent(kind: .plaintext, value: value)
    }
}

/// How a client renders `MarkupContent`.
public enum MarkupKind: String, Codable, Hashable, Sendable {
    case plaintext
    case markdown
}
