import YAMLTree

/// The document kinds procdef knows; every document names one under `kind`.
enum DocumentKind: String, CaseIterable {
    case roles, process, policy, config
    case externalProcess = "external-process"

    static var spelledOut: String { Quoting.alternatives(allCases.map(\.rawValue)) }
}

extension ModelDecoder {
    func decodeDocument(_ document: YAMLDocument) {
        let root = document.root
        guard let entries = root.mapping else {
            reportType(root, "a document", expected: "a mapping with a 'kind' (\(DocumentKind.spelledOut))")
            return
        }
        let map = FieldMap(root, entries: entries)
        guard let kindField = map.field("kind"), !kindField.value.isNull else {
            report(
                UnknownKind.self, at: map.startRange, "document has no 'kind'", help: "add `kind:` with one of \(DocumentKind.spelledOut)")
            return
        }
        let value = kindField.value
        guard let text = value.scalar?.text else {
            report(UnknownKind.self, at: value.range, "'kind' must be one of \(DocumentKind.spelledOut), found \(value.shapeDescription)")
            return
        }
        guard let kind = DocumentKind(rawValue: text) else {
            let help = Suggestion.didYouMean(text, among: DocumentKind.allCases.map(\.rawValue))
            report(
                UnknownKind.self, at: value.range, "unknown kind \(Quoting.quoted(text)); expected \(DocumentKind.spelledOut)", help: help)
            return
        }
        let header = SourceRange(from: kindField.keyNode.range, through: value.range)
        switch kind {
        case .roles: decodeCatalogue(map, document: document)
        case .process: decodeProcess(map, document: document, header: header)
        case .policy: decodePolicy(map, document: document, header: header)
        case .config: decodeConfig(map, document: document)
        case .externalProcess: decodeExternalProcess(map, document: document, header: header)
        }
    }
}
