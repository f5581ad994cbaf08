import ProcDef

extension SchemaObject {
    /// A mapping of the format as the description in `ProcDef` (`KeyTable`) has it: its keys in order, their
    /// descriptions, the keys it requires and their enumerations. `shapes` gives the schema of each key whose value the
    /// description's type name does not settle (nested mappings, lists of definitions).
    init(
        _ description: String, _ table: KeyTable, shapes: [String: JSONValue] = [:], allowsNull: Bool? = nil,
        extra: [(key: String, value: JSONValue)] = []
    ) {
        let properties = table.keys.map { key in
            SchemaProperty(
                key.name, SchemaText.sentence(key.summary, lead: table.summaryLead),
                shapes[key.name] ?? SchemaShape.of(key), required: key.presence.isRequired, allowsNull: allowsNull
            )
        }
        self.init(description, properties, extra: extra)
    }
}

extension SchemaShape {
    /// The schema of a key from its type as the reference names it; a value with a fixed set of words is that set,
    /// and a single word (a document's `kind`) is a constant.
    static func of(_ key: FormatKey) -> JSONValue {
        if key.values.count == 1, let only = key.values.first { return .object([("const", .string(only))]) }
        if !key.values.isEmpty { return oneOf(key.values) }
        return byTypeName[key.shape] ?? unsettled
    }

    /// Accepts anything: the shape of a key no type name or override settles, which the schema's tests reject.
    static let unsettled = JSONValue.object([])

    private static let byTypeName: [String: JSONValue] = [
        "id": id, "role reference": id, "activity id": id, "process id": id, "policy id": id,
        "role list": idList, "list of activity ids": idList, "list of process ids": idList, "list of policy ids": idList,
        "text": text, "name": text, "path": text,
        "list of names": textList, "list of text": textList, "list of paths": textList,
        "path or list of paths": textList, "list of globs": textList,
        "integer": count, "boolean": flag, "duration": duration, "duration or per-priority durations": budget,
        "list of priority ids": idList, "activity id or `{end: ID}`": targetEnd("end"), "activity id or `{start: ID}`": targetEnd("start"),
        "date": date, "date or `permanent`": dateOrPermanent,
        "URL": webAddress,
        "handoff": ref("handoff"), "selector": ref("selector"), "handover": ref("handover"),
        "text or contact details": .object([("anyOf", .array([text, ref("contact")]))]),
    ]
}

/// The reference's one-line summaries as schema descriptions: editors show a description as plain text on hover.
enum SchemaText {
    /// `the step's title` -> `The step's title.`; code spans and links lose their Markdown, and pointers to other
    /// sections of the page (`(below)`, `(see [Flow](#flow))`) are dropped, since an editor has no page around them.
    static func sentence(_ summary: String, lead: String? = nil) -> String {
        var text = summary.replacing(/\ \((?:below|see \[[^\]]*\]\([^)]*\))\)/, with: "")
        text = text.replacing(/\[([^\]]*)\]\([^)]*\)/) { String($0.output.1) }
        if let lead { text = lead + " " + text }
        // A summary that starts with a literal (`true`: ...) keeps its case: the literal is what one writes.
        let startsWithCode = text.hasPrefix("`")
        text = text.replacing("`", with: "")
        if !startsWithCode { text = text.prefix(1).uppercased() + text.dropFirst() }
        return text.hasSuffix(".") ? text : text + "."
    }
}
