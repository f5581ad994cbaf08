import ProcDef

extension JSONSchemaRenderer {
    static var catalogue: SchemaObject {
        SchemaObject(
            "The organisation's role catalogue. Every process in the repository can use its roles; a role id is defined once.",
            KeyTable.roles, shapes: ["roles": roleMap]
        )
    }

    /// Role ids are the keys of a mapping, under `roles:` of a catalogue or of a process.
    static var roleMap: JSONValue {
        .object([
            ("type", .string("object")),
            ("propertyNames", .object([("pattern", .string(SchemaShape.idPattern)), ("maxLength", .integer(Identifier.maxLength))])),
            ("additionalProperties", SchemaShape.ref("role")),
        ])
    }

    static var role: SchemaObject {
        SchemaObject("A role: who does the work, not which person.", KeyTable.role)
    }

    static var contact: SchemaObject {
        SchemaObject("How to reach a role, each way as free text.", KeyTable.contact)
    }

    static var handover: SchemaObject {
        SchemaObject("How one person of a role's shift hands the case to the next.", KeyTable.handover)
    }
}
