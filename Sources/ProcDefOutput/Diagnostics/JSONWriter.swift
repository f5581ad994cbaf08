/// A small writer for pretty-printed JSON with keys in the order written, for formats whose nesting is deep
/// (SARIF): every string goes through `JSONEscaping`. Two-space indentation, no trailing spaces.
final class JSONWriter {
    private(set) var text = ""
    private var depth = 0

    /// A JSON object under construction; fields are written in call order.
    struct Object {
        fileprivate let writer: JSONWriter
        fileprivate var count = 0

        mutating func field(_ key: String, _ value: String) {
            writeKey(key)
            JSONEscaping.appendQuoted(value, to: &writer.text)
        }

        mutating func field(_ key: String, _ value: Int) {
            writeKey(key)
            writer.text += String(value)
        }

        mutating func field(_ key: String, _ value: Bool) {
            writeKey(key)
            writer.text += value ? "true" : "false"
        }

        mutating func object(_ key: String, _ body: (inout Object) -> Void) {
            writeKey(key)
            writer.object(body)
        }

        /// `"key": null`.
        mutating func null(_ key: String) {
            writeKey(key)
            writer.text += "null"
        }

        /// The value, or `null` when there is none.
        mutating func optional(_ key: String, _ value: String?) {
            if let value { field(key, value) } else { null(key) }
        }

        mutating func optional(_ key: String, _ value: Int?) {
            if let value { field(key, value) } else { null(key) }
        }

        mutating func optional(_ key: String, _ value: Bool?) {
            if let value { field(key, value) } else { null(key) }
        }

        /// A list of strings on one line: `"roles": ["a", "b"]`.
        mutating func strings(_ key: String, _ values: [String]) {
            writeKey(key)
            writer.text += "["
            for (index, value) in values.enumerated() {
                if index > 0 { writer.text += ", " }
                JSONEscaping.appendQuoted(value, to: &writer.text)
            }
            writer.text += "]"
        }

        mutating func array(_ key: String, _ body: (inout Array) -> Void) {
            writeKey(key)
            writer.array(body)
        }

        private mutating func writeKey(_ key: String) {
            writer.text += count == 0 ? "\n" : ",\n"
            writer.indent()
            JSONEscaping.appendQuoted(key, to: &writer.text)
            writer.text += ": "
            count += 1
        }
    }

    /// A JSON array of objects under construction.
    struct Array {
        fileprivate let writer: JSONWriter
        fileprivate var count = 0

        mutating func object(_ body: (inout Object) -> Void) {
            writer.text += count == 0 ? "\n" : ",\n"
            writer.indent()
            count += 1
            writer.object(body)
        }
    }

    func object(_ body: (inout Object) -> Void) {
        text += "{"
        depth += 1
        var object = Object(writer: self)
        body(&object)
        depth -= 1
        if object.count > 0 {
            text += "\n"
            indent()
        }
        text += "}"
    }

    func array(_ body: (inout Array) -> Void) {
        text += "["
        depth += 1
        var array = Array(writer: self)
        body(&array)
        depth -= 1
        if array.count > 0 {
            text += "\n"
            indent()
        }
        text += "]"
    }

    fileprivate func indent() {
        text += String(repeating: "  ", count: depth)
    }
}
