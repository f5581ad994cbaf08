/// The params of `textDocument/completion`.
public struct CompletionParams: Codable, Hashable, Sendable {
    public var textDocument: TextDocumentIdentifier
    public var position: Position
    public var context: CompletionContext?

    public init(textDocument: TextDocumentIdentifier, position: Position, context: CompletionContext? = nil) {
        self.textDocument = textDocument
        self.position = position
        self.context = context
    }
}

/// How a completion request was triggered.
public struct CompletionContext: Codable, Hashable, Sendable {
    /// 1 invoked (typing or a command), 2 a trigger character, 3 re-triggered for an incomplete list.
    public var triggerKind: Int
    public var triggerCharacter: String?

    public init(triggerKind: Int, triggerCharacter: String? = nil) {
        self.triggerKind = triggerKind
        self.triggerCharacter = triggerCharacter
    }
}

/// One completion proposal.
public struct CompletionItem: Codable, Hashable, Sendable {
    public var label: String
    public var kind: CompletionItemKind?
    public var detail: String?
    public var documentation: MarkupContent?
    /// Inserted when `textEdit` is absent; the label when both are.
    public var insertText: String?
    /// Replaces a range of the document; its range must be on one line and contain the request's position.
    public var textEdit: TextEdit?
    public var sortText: String?
    public var filterText: String?

    public init(
        label: String, kind: CompletionItemKind? = nil, detail: String? = nil, documentation: MarkupContent? = nil,
        insertText: String? = nil, textEdit: TextEdit? = nil, sortText: String? = nil, filterText: String? = nil
    ) {
        self.label = label
        self.kind = kind
        self.detail = detail
        self.documentation = documentation
        self.insertText = insertText
        self.textEdit = textEdit
        self.sortText = sortText
        self.filterText = filterText
    }
}

/// The answer to `textDocument/completion`; `isIncomplete` asks the client to ask again as the user types.
public struct CompletionList: Codable, Hashable, Sendable {
    public var isIncomplete: Bool
    public var items: [CompletionItem]

    public init(isIncomplete: Bool, items: [CompletionItem]) {
        self.isIncomplete = isIncomplete
        self.items = items
    }
}

/// The icon a client shows beside a completion item (LSP's values).
public enum CompletionItemKind: Int, Codable, Hashable, Sendable {
    case text = 1
    case method = 2
    case function = 3
    case constructor = 4
    case field = 5
    case variable = 6
    case `class` = 7
    case interface = 8
    case module = 9
    case property = 10
    case unit = 11
    case value = 12
    case `enum` = 13
    case keyword = 14
    case snippet = 15
    case color = 16
    case file = 17
    case reference = 18
    case folder = 19
    case enumMember = 20
    case constant = 21
    case `struct` = 22
    case event = 23
    case `operator` = 24
    case typeParameter = 25
}
