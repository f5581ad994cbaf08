/// A JSON value whose objects keep their members in the order they were written, so a generated document reads
/// in a deliberate order (a schema's `description` before its `properties`) and renders byte for byte the same
/// every time, which `JSONSerialization` does not promise.
///
/// `JSONWriter` streams a report as it goes; a schema is assembled from pieces that are reused and rewritten
/// (`SchemaShape.nullable`) before anything is written, and its tests read it back by key, so it is a value.
package indirect enum JSONValue: Sendable {
    case object([(key: String, value: JSONValue)])
    case array([JSONValue])
    case string(String)
    case integer(Int)
    case number(Double)
    case bool(Bool)
    case null

    /// The member `key` of an object; nil for a missing member or a value that is not an object.
    package subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The member names of an object, in order; empty for anything else.
    package var keys: [String] {
        guard case .object(let members) = self else { return [] }
        return members.map(\.key)
    }

    /// The items of an array; nil for anything else.
    package var items: [JSONValue]? {
        guard case .array(let items) = self else { return nil }
        return items
    }

    /// The text of a string; nil for anything else.
    package var text: String? {
        guard case .string(let text) = self else { return nil }
        return text
    }

    /// Two-space indentation, one member a line; an array of scalars stays on one line (`"enum": ["a", "b"]`),
    /// which keeps enums and type lists readable. Ends with a newline.
    package func rendered() -> String {
        var output = ""
        append(to: &output, indent: 0)
        output += "\n"
        return output
    }

    private func append(to output: inout String, indent: Int) {
        switch self {
        case .object(let members):
            guard !members.isEmpty else {
                output += "{}"
                return
            }
            output += "{\n"
            let inner = String(repeating: " ", count: indent + 2)
            for (index, member) in members.enumerated() {
                output += inner
                JSONEscaping.appendQuoted(member.key, to: &output)
                output += ": "
                member.value.append(to: &output, indent: indent + 2)
                output += index == members.count - 1 ? "\n" : ",\n"
            }
            output += String(repeating: " ", count: indent) + "}"
        case .array(let items):
            guard !items.isEmpty else {
                output += "[]"
                return
            }
            if items.allSatisfy(\.isScalar) {
                output += "["
                for (index, item) in items.enumerated() {
                    if index > 0 { output += ", " }
                    item.append(to: &output, indent: indent)
                }
                output += "]"
                return
            }
            output += "[\n"
            let inner = String(repeating: " ", count: indent + 2)
            for (index, item) in items.enumerated() {
                output += inner
                item.append(to: &output, indent: indent + 2)
                output += index == items.count - 1 ? "\n" : ",\n"
            }
            output += String(repeating: " ", count: indent) + "]"
        case .string(let text):
            JSONEscaping.appendQuoted(text, to: &output)
        case .integer(let value):
            output += String(value)
        case .number(let value):
            output += Self.numberText(value)
        case .bool(let value):
            output += value ? "true" : "false"
        case .null:
            output += "null"
        }
    }

    private var isScalar: Bool {
        switch self {
        case .object, .array: false
        case .string, .integer, .number, .bool, .null: true
        }
    }

    /// Whole numbers without a fraction (`1`, not `1.0`); JSON has no infinity or NaN, so those become `null`.
    private static func numberText(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}
