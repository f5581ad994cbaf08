import LanguageServerProtocol
import ProcDef
import ProcDefOutput
import YAMLTree

extension Features {
    /// Keys at the cursor's level, from the JSON Schema `procdef schema` writes (itself made from the format's key
    /// tables); ids where the key takes a role, activity, process or policy; the values of an enumeration.
    func completion(_ params: CompletionParams) -> CompletionList {
        guard let (path, offset) = place(params.textDocument, params.position), let bytes = workspace.bytes(of: path),
            let context = CursorContext(text: bytes, offset: offset)
        else { return CompletionList(isIncomplete: false, items: []) }
        let schema = FormatSchema.shared
        let mapping = schema.nodes(at: context.path, kind: context.kind)
        let replaced = positions.range(SourceRange(start: position(context.prefixStart), end: position(offset)), in: path)
        var items: [CompletionItem] = []
        let lead = context.needsSpace ? " " : ""
        func item(_ label: String, _ kind: CompletionItemKind, detail: String? = nil, documentation: String? = nil, insert: String? = nil)
            -> CompletionItem
        {
            CompletionItem(
                label: label, kind: kind, detail: detail, documentation: documentation.map(MarkupContent.markdown),
                textEdit: LanguageServerProtocol.TextEdit(range: replaced, newText: insert ?? label), sortText: nil, filterText: label)
        }
        func keys(of nodes: [FormatSchema.Node]) {
            for key in schema.keys(of: nodes) {
                items.append(item(key.name, .property, detail: key.detail, documentation: key.description, insert: key.name + ": "))
            }
        }
        func values(for key: String, in nodes: [FormatSchema.Node]) {
            for value in schema.enumeration(of: key, in: nodes) { items.append(item(value, .enumMember, insert: lead + value)) }
            guard let reference = schema.reference(of: key, in: nodes) else { return }
            for (id, detail) in candidates(reference, in: path, at: offset) {
                items.append(item(id, reference == .role ? .reference : .value, detail: detail, insert: lead + id))
            }
        }
        switch context.position {
        case .key:
            keys(of: mapping)
        case .value(let key):
            values(for: key, in: mapping)
        case .listItem(let key):
            let listed = schema.items(of: key, in: mapping)
            if schema.keys(of: listed).isEmpty {
                values(for: key, in: mapping)
            } else {
                keys(of: listed)
            }
        }
        return CompletionList(isIncomplete: false, items: items)
    }

    private func position(_ offset: Int) -> SourcePosition {
        SourcePosition(line: 0, column: 0, offset: offset)
    }

    /// The ids a reference at `offset` of `path` may name, with a word on each.
    private func candidates(_ reference: FormatSchema.Reference, in path: String, at offset: Int) -> [(String, String?)] {
        guard let model = workspace.report?.workspace else { return [] }
        let process =
            model.processes.first { $0.file == path && $0.range.start.offset <= offset && offset <= $0.range.end.offset }
            ?? model.processes.first { $0.file == path }
        switch reference {
        case .role:
            var roles: [String: String] = [:]
            for (id, role) in model.catalogueRoles { roles[id] = role.name.value }
            for role in process?.roles ?? [] { roles[role.id.value] = role.name.value }
            return roles.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        case .activity:
            return (process?.activities ?? []).map { ($0.id.value, $0.name.value) }
        case .process:
            return model.processes.map { ($0.id.value, $0.name.value) } + model.externalProcesses.map { ($0.id.value, $0.name.value) }
        case .policy:
            return model.policies.map { ($0.id.value, $0.title.value) }
        }
    }
}

/// The JSON Schema of the format, walked by key path: what completion knows about the keys and values at a place.
struct FormatSchema: Sendable {
    /// A schema node, with the definition it was reached through (`activity`, `branch`), which names the key table.
    struct Node: Sendable {
        var value: ProcDefOutput.JSONValue
        var definition: String?
    }

    struct Key: Equatable {
        var name: String
        var detail: String?
        var description: String?
    }

    /// What kind of id a key's value names.
    enum Reference: Equatable {
        case role, activity, process, policy
    }

    static let shared = FormatSchema(JSONSchemaRenderer().schema)

    private let root: ProcDefOutput.JSONValue
    /// Per key table (its name without hyphens) and key, the kind of id the key's value names, read from the rule
    /// that reports a reference to nothing.
    private let references: [String: [String: Reference]]
    /// Per key, what it names wherever it occurs, for keys that name the same kind of id in every table.
    private let unanimous: [String: Reference]

    init(_ root: ProcDefOutput.JSONValue) {
        self.root = root
        var references: [String: [String: Reference]] = [:]
        let rules: [String: Reference] = [
            UnknownRole.descriptor.id: .role, UnknownActivity.descriptor.id: .activity, UnknownProcess.descriptor.id: .process,
            UnknownPolicy.descriptor.id: .policy,
        ]
        for (name, table) in KeyTable.all {
            for key in table.keys {
                if let reference = rules[key.invalidValueRule] { references[Self.tableName(name), default: [:]][key.name] = reference }
            }
        }
        // A trigger's `activity` is one of the triggered process's, not of this one: nothing to offer from here.
        references[Self.tableName("trigger")]?["activity"] = nil
        self.references = references
        var kinds: [String: Set<String>] = [:]
        var unanimous: [String: Reference] = [:]
        for (name, table) in KeyTable.all {
            for key in table.keys { kinds[key.name, default: []].insert(key.invalidValueRule) }
            for key in table.keys { if let reference = references[Self.tableName(name)]?[key.name] { unanimous[key.name] = reference } }
        }
        self.unanimous = unanimous.filter { kinds[$0.key]?.count == 1 }
    }

    private static func tableName(_ name: String) -> String {
        name.replacingOccurrences(of: "-", with: "").lowercased()
    }

    /// The nodes of the mapping at `path` in a document of `kind` (every alternative an `anyOf` allows).
    func nodes(at path: [CursorContext.Step], kind: String?) -> [Node] {
        guard let kind, root["definitions"]?[kind] != nil else {
            return [Node(value: root, definition: nil)]
        }
        var nodes = resolve(Node(value: .object([("$ref", .string("#/definitions/\(kind)"))]), definition: nil))
        for step in path {
            switch step {
            case .key(let key): nodes = nodes.flatMap { child($0, key) }
            case .item: nodes = nodes.flatMap { item($0) }
            }
        }
        return nodes
    }

    /// The keys the mappings accept, in the schema's order, each once.
    func keys(of nodes: [Node]) -> [Key] {
        var seen: Set<String> = []
        var keys: [Key] = []
        for node in nodes {
            guard case .object(let members)? = node.value["properties"] else { continue }
            for member in members where seen.insert(member.key).inserted {
                keys.append(Key(name: member.key, detail: node.definition, description: member.value["description"]?.text))
            }
        }
        return keys
    }

    func items(of key: String, in nodes: [Node]) -> [Node] {
        nodes.flatMap { child($0, key) }.flatMap { item($0) }
    }

    /// The values an enumeration allows `key` (or its list's items).
    func enumeration(of key: String, in nodes: [Node]) -> [String] {
        let values = nodes.flatMap { child($0, key) }
        var found: [String] = []
        for node in values + values.flatMap({ item($0) }) {
            for value in node.value["enum"]?.items ?? [] {
                if let text = value.text, !found.contains(text) { found.append(text) }
            }
        }
        return found
    }

    /// The kind of id `key` names in these mappings, if it names one. A mapping written inline in its parent's
    /// definition (`defaults` of a process) has no table of its own here: its key counts when every table that
    /// has the key agrees on what it names.
    func reference(of key: String, in nodes: [Node]) -> Reference? {
        for node in nodes {
            if let definition = node.definition, let reference = references[Self.tableName(definition)]?[key] { return reference }
        }
        return unanimous[key]
    }

    private func child(_ node: Node, _ key: String) -> [Node] {
        if let property = node.value["properties"]?[key] { return resolve(Node(value: property, definition: node.definition)) }
        if let additional = node.value["additionalProperties"], case .object = additional {
            return resolve(Node(value: additional, definition: node.definition))
        }
        return []
    }

    private func item(_ node: Node) -> [Node] {
        guard let items = node.value["items"] else { return [] }
        return resolve(Node(value: items, definition: node.definition))
    }

    /// The node with its `$ref` followed and its `anyOf`, `oneOf` and `allOf` alternatives spread out.
    private func resolve(_ node: Node, depth: Int = 0) -> [Node] {
        guard depth < 16 else { return [] }
        if let reference = node.value["$ref"]?.text, reference.hasPrefix("#/definitions/") {
            let name = String(reference.dropFirst("#/definitions/".count))
            guard let target = root["definitions"]?[name] else { return [] }
            return resolve(Node(value: target, definition: name), depth: depth + 1)
        }
        var nodes = [node]
        for combinator in ["anyOf", "oneOf", "allOf"] {
            for alternative in node.value[combinator]?.items ?? [] {
                nodes += resolve(Node(value: alternative, definition: node.definition), depth: depth + 1)
            }
        }
        return nodes
    }
}
