/// One key of a mapping in the format: its documentation, its shape and whether the decoder requires it.
struct SchemaProperty {
    var key: String
    var description: String
    var shape: JSONValue
    /// Required keys must be present and not null (the decoder reports a null one as `schema/missing-field`);
    /// every other key may be null, which the decoder reads as absent.
    var isRequired: Bool
    /// Whether `key: ~` is accepted; a few optional values must not be null (`exists: ~` is a missing selector).
    var allowsNull: Bool

    init(_ key: String, _ description: String, _ shape: JSONValue, required: Bool = false, allowsNull: Bool? = nil) {
        self.key = key
        self.description = description
        self.shape = shape
        self.isRequired = required
        self.allowsNull = allowsNull ?? !required
    }

    /// The property's schema: the description first, so editors show it on hover, then the shape.
    var schema: JSONValue {
        let shape = allowsNull ? SchemaShape.nullable(shape) : shape
        // A shape's own description (an inline object's) gives way to the property's.
        guard case .object(let all) = shape else { return shape }
        let members = all.filter { $0.key != "description" }
        // In draft-07 a `$ref` makes its siblings ignored, `description` included: wrap the reference instead.
        if members.count == 1, members[0].key == "$ref" {
            return .object([("description", .string(description)), ("allOf", .array([shape]))])
        }
        return .object([("description", .string(description))] + members)
    }
}

/// A mapping of the format as a JSON Schema object: its known keys, those it requires, and no others, so that an
/// editor flags a misspelt key the way `schema/unknown-key` does.
struct SchemaObject {
    var description: String
    var properties: [SchemaProperty]
    /// Further members after `additionalProperties`, such as an `anyOf` over the properties.
    var extra: [(key: String, value: JSONValue)] = []

    init(_ description: String, _ properties: [SchemaProperty], extra: [(key: String, value: JSONValue)] = []) {
        self.description = description
        self.properties = properties
        self.extra = extra
    }

    var schema: JSONValue {
        var members: [(key: String, value: JSONValue)] = [("description", .string(description)), ("type", .string("object"))]
        let required = properties.filter(\.isRequired).map(\.key)
        if !required.isEmpty { members.append(("required", .array(required.map(JSONValue.string)))) }
        members.append(("properties", .object(properties.map { ($0.key, $0.schema) })))
        members.append(("additionalProperties", .bool(false)))
        return .object(members + extra)
    }
}
