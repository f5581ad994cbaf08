import ProcDef

/// The value shapes of the procdef format, as JSON Schema (draft-07) fragments, each accepting what the decoder
/// accepts at that spot: never less, so an editor flags nothing that `procdef check` reads without a finding.
///
/// The decoder reads any scalar as text (`name: 2024` is the text "2024"), so text also accepts numbers and
/// booleans, and an id accepts a whole number or a boolean (`id: 404` and `id: true` are the valid ids "404" and
/// "true"). JSON Schema applies `pattern` only to strings and `minimum` only to numbers, which lets one `type` list
/// carry all three.
enum SchemaShape {
    static let idPattern = "^[a-z0-9]+(-[a-z0-9]+)*$"
    /// `TimeTarget(parsing:)`: up to nine digits and a unit.
    static let durationPattern = "^[0-9]{1,9}(s|m|h|d|w|mo|bh|bd)$"
    static let datePattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
    /// `ModelDecoder.isWebAddress`: `http://` or `https://` in any case, a host, and no white space or angle brackets.
    static let webAddressPattern = #"^[Hh][Tt][Tt][Pp][Ss]?://[^\s<>"/]+(/[^\s<>"]*)?$"#

    private static let scalarTypes: [JSONValue] = [.string("string"), .string("number"), .string("boolean")]

    /// A kebab-case id of at most `Identifier.maxLength` characters, or a reference to one.
    static var id: JSONValue {
        .object([
            ("type", .array([.string("string"), .string("integer"), .string("boolean")])),
            ("pattern", .string(idPattern)),
            ("maxLength", .integer(Identifier.maxLength)),
            ("minimum", .integer(0)),
        ])
    }

    /// One id, or a list of them (`responsible: service-desk`, `responsible: [a, b]`).
    static var idList: JSONValue {
        .object([
            ("type", .array([.string("string"), .string("integer"), .string("boolean"), .string("array")])),
            ("pattern", .string(idPattern)),
            ("maxLength", .integer(Identifier.maxLength)),
            ("minimum", .integer(0)),
            ("items", id),
        ])
    }

    /// One id, or a list of at least one, where an empty list would mean nothing (a cancellation's `from`).
    static var nonEmptyIDList: JSONValue {
        guard case .object(let members) = idList else { return idList }
        return .object(members + [("minItems", .integer(1))])
    }

    /// Free text: any scalar.
    static var text: JSONValue {
        .object([("type", .array(scalarTypes))])
    }

    /// One text, or a list of them (`tags: intake`, `tags: [intake, customer-facing]`).
    static var textList: JSONValue {
        .object([
            ("type", .array(scalarTypes + [.string("array")])),
            ("items", text),
        ])
    }

    /// One of `words`, or a list of them (`responsible-kind: [customer, supplier]`).
    static func wordList(_ words: [String]) -> JSONValue {
        .object([("anyOf", .array([oneOf(words), .object([("type", .string("array")), ("items", oneOf(words))])]))])
    }

    static var duration: JSONValue {
        .object([("type", .string("string")), ("pattern", .string(durationPattern))])
    }

    /// `TimeBudget`: one duration, or a mapping from priority (or `default`) to duration. The priorities themselves
    /// are checked against the process's `priorities` by `ref/unknown-priority`, which a schema cannot see. Written
    /// with `if`/`then` rather than `anyOf`, so that an editor says what is wrong with a text ("does not match") rather
    /// than that no alternative fits; the top-level `type` lets `nullable` add null.
    static var budget: JSONValue {
        .object([
            ("type", .array([.string("string"), .string("object")])),
            ("if", .object([("type", .string("string"))])),
            ("then", .object([("pattern", .string(durationPattern))])),
            ("else", .object([("minProperties", .integer(1)), ("additionalProperties", duration)])),
        ])
    }

    /// An id with a description, for a property of an inline object.
    private static func describedID(_ description: String) -> JSONValue {
        guard case .object(let members) = id else { return id }
        return .object([("description", .string(description))] + members)
    }

    /// A target's `from` or `to`: an activity id, or `{moment: ID}` (`{end: log}`, `{start: resolve}`).
    static func targetEnd(_ moment: String) -> JSONValue {
        .object([
            (
                "anyOf",
                .array([
                    id,
                    .object([
                        ("type", .string("object")), ("required", .array([.string(moment)])),
                        (
                            "properties",
                            .object([
                                (moment, describedID("The activity at whose \(moment) the clock \(moment == "end" ? "starts" : "stops")."))
                            ])
                        ),
                        ("additionalProperties", .bool(false)),
                    ]),
                ])
            )
        ])
    }

    /// `format: date` rejects a day that does not exist (`2027-02-30`) where the validator checks formats, as the
    /// decoder does (`schema/invalid-date`); the pattern holds where it does not.
    static var date: JSONValue {
        .object([("type", .string("string")), ("format", .string("date")), ("pattern", .string(datePattern))])
    }

    /// A waiver's `until`: a date, or the word that makes it permanent.
    static var dateOrPermanent: JSONValue {
        .object([("anyOf", .array([date, .object([("const", .string(WaiverEnd.permanentKeyword))])]))])
    }

    /// An `http` or `https` address.
    static var webAddress: JSONValue {
        .object([("type", .string("string")), ("pattern", .string(webAddressPattern))])
    }

    /// A plain `true` or `false`.
    static var flag: JSONValue {
        .object([("type", .string("boolean"))])
    }

    /// A whole number, 0 or more.
    static var count: JSONValue {
        .object([("type", .string("integer")), ("minimum", .integer(0))])
    }

    static func oneOf(_ words: [String]) -> JSONValue {
        .object([("enum", .array(words.map(JSONValue.string)))])
    }

    static func ref(_ definition: String) -> JSONValue {
        .object([("$ref", .string("#/definitions/\(definition)"))])
    }

    /// The shape, or nothing: the decoder reads `key: ~` (or `key:` with no value) as if the key were absent.
    static func nullable(_ shape: JSONValue) -> JSONValue {
        guard case .object(var members) = shape else { return shape }
        if let index = members.firstIndex(where: { $0.key == "type" }) {
            switch members[index].value {
            case .string(let type): members[index].value = .array([.string(type), .string("null")])
            case .array(let types): members[index].value = .array(types + [.string("null")])
            default: break
            }
            return .object(members)
        }
        if let index = members.firstIndex(where: { $0.key == "enum" }), case .array(let words) = members[index].value {
            members[index].value = .array(words + [.null])
            return .object(members)
        }
        if members.count == 1, members[0].key == "anyOf", case .array(let alternatives) = members[0].value {
            return .object([("anyOf", .array(alternatives + [.object([("type", .string("null"))])]))])
        }
        return .object([("anyOf", .array([shape, .object([("type", .string("null"))])]))])
    }
}
