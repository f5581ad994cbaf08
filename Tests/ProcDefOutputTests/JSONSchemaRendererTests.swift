import ProcDefTestSupport
import XCTest

@testable import ProcDef
@testable import ProcDefOutput

/// The schema says what the decoder reads: the same keys in the same order, the same required keys, the same words.
/// These tests compare the generated schema with the decoder's own lists, so the two cannot drift apart.
final class JSONSchemaRendererTests: XCTestCase {
    let schema = JSONSchemaRenderer().schema

    func definition(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> JSONValue {
        try XCTUnwrap(schema["definitions"]?[name], "no definition '\(name)'", file: file, line: line)
    }

    /// The property names of an object schema, in order.
    func keys(_ object: JSONValue?) -> [String] {
        object?["properties"]?.keys ?? []
    }

    func required(_ object: JSONValue?) -> [String] {
        object?["required"]?.items?.compactMap(\.text) ?? []
    }

    /// The object schema inside a property, whether inline or behind `anyOf: [..., null]`.
    func inlineObject(_ property: JSONValue?) -> JSONValue? {
        if property?["properties"] != nil { return property }
        return property?["anyOf"]?.items?.first { $0["properties"] != nil }
    }

    // MARK: Keys

    func testDocumentKeysAreTheDecoders() throws {
        XCTAssertEqual(keys(try definition("roles")), ModelDecoder.catalogueKeys)
        XCTAssertEqual(keys(try definition("role")), ModelDecoder.roleKeys)
        XCTAssertEqual(keys(try definition("process")), ModelDecoder.processKeys)
        XCTAssertEqual(keys(try definition("process")["properties"]?["defaults"]), ModelDecoder.defaultsKeys)
        XCTAssertEqual(keys(try definition("waiver")), ModelDecoder.waiverKeys)
        XCTAssertEqual(keys(try definition("activity")), ModelDecoder.activityKeys)
        XCTAssertEqual(keys(try definition("branch")), ModelDecoder.branchKeys)
        XCTAssertEqual(keys(try definition("forkBranch")), ModelDecoder.forkBranchKeys)
        XCTAssertEqual(keys(try definition("cancel")), ModelDecoder.cancelKeys)
        XCTAssertEqual(keys(try definition("handoff")), ModelDecoder.handoffKeys)
        XCTAssertEqual(keys(try definition("trigger")), ModelDecoder.triggerKeys)
        XCTAssertEqual(keys(try definition("policy")), ModelDecoder.policyKeys)
        XCTAssertEqual(keys(try definition("policy")["properties"]?["applies-to"]), ModelDecoder.scopeKeys)
        XCTAssertEqual(keys(try definition("config")), ModelDecoder.configKeys)
    }

    func testRequirementAndSelectorKeysAreTheDecoders() throws {
        let requirements = try definition("requirements")
        XCTAssertEqual(keys(requirements), ModelDecoder.requirementKeys)
        XCTAssertEqual(keys(requirements["properties"]?["before"]), ModelDecoder.beforeKeys)
        XCTAssertEqual(keys(requirements["properties"]?["all"]), ModelDecoder.allKeys)
        XCTAssertEqual(keys(requirements["properties"]?["process"]), ModelDecoder.processRequirementKeys)
        XCTAssertEqual(keys(requirements["properties"]?["max"]), ModelDecoder.maxKeys)
        XCTAssertEqual(keys(try definition("selector")), ModelDecoder.selectorKeys)
    }

    func testRequiredKeysAreTheDecoders() throws {
        XCTAssertEqual(required(try definition("roles")), ["kind", "roles"])
        XCTAssertEqual(required(try definition("role")), ModelDecoder.roleRequiredKeys)
        XCTAssertEqual(required(try definition("process")), ["kind"] + ModelDecoder.processRequiredKeys)
        XCTAssertEqual(required(try definition("waiver")), ModelDecoder.waiverRequiredKeys)
        XCTAssertEqual(required(try definition("activity")), ModelDecoder.activityRequiredKeys)
        XCTAssertEqual(required(try definition("cancel")), ModelDecoder.cancelRequiredKeys)
        XCTAssertEqual(required(try definition("handoff")), [])
        XCTAssertEqual(required(try definition("trigger")), ModelDecoder.triggerRequiredKeys)
        XCTAssertEqual(required(try definition("policy")), ["kind"] + ModelDecoder.policyRequiredKeys)
        XCTAssertEqual(required(try definition("config")), ["kind"])
        let requirements = try definition("requirements")["properties"]
        XCTAssertEqual(required(requirements?["before"]), ModelDecoder.beforeKeys)
        XCTAssertEqual(required(requirements?["all"]), ModelDecoder.allKeys)
        XCTAssertEqual(required(requirements?["process"]), ModelDecoder.processRequirementKeys)
    }

    /// A branch, of a decision or of a fork, has `to` or `all`: exactly one of them, which `required` cannot say.
    func testABranchHasToOrAll() throws {
        for name in ["branch", "forkBranch"] {
            let branch = try definition(name)
            XCTAssertEqual(required(branch), [], name)
            XCTAssertEqual(branch["oneOf"]?.items?.map { required($0) }, [["to"], ["all"]], name)
            XCTAssertEqual(branch["properties"]?["all"]?["minItems"]?.rendered(), JSONValue.integer(2).rendered(), name)
            XCTAssertEqual(branch["properties"]?["all"]?["items"]?["anyOf"]?.items?.last?["$ref"]?.text, "#/definitions/forkBranch", name)
        }
        XCTAssertNil(try definition("forkBranch")["properties"]?["when"])
    }

    // MARK: Words

    func testKindsAndEnumsAreTheModels() throws {
        let words = { (value: JSONValue?) in value?["enum"]?.items?.compactMap(\.text) ?? [] }
        XCTAssertEqual(words(schema["properties"]?["kind"]), DocumentKind.allCases.map(\.rawValue))
        XCTAssertEqual(JSONSchemaRenderer.documentKinds, DocumentKind.allCases.map(\.rawValue))
        XCTAssertEqual(words(try definition("role")["properties"]?["kind"]), RoleKind.allCases.map(\.rawValue))
        XCTAssertEqual(words(try definition("handoff")["properties"]?["escalation"]), Escalation.allCases.map(\.rawValue))
        XCTAssertEqual(words(try definition("activity")["properties"]?["join"]), JoinMode.allCases.map(\.rawValue))
        XCTAssertEqual(words(try definition("policy")["properties"]?["severity"]), ModelDecoder.PolicySeverity.allCases.map(\.rawValue))
        XCTAssertEqual(JSONSchemaRenderer.processFields, ModelDecoder.processKeys.filter { $0 != "kind" })
        for kind in DocumentKind.allCases {
            XCTAssertEqual(try definition(kind.rawValue)["properties"]?["kind"]?["const"]?.text, kind.rawValue)
        }
    }

    /// A key whose type name the schema does not know, and whose definition does not shape it, would accept anything
    /// (`SchemaShape.unsettled`, rendered `{}`).
    func testEveryKeyHasAShape() {
        XCTAssertFalse(JSONSchemaRenderer().render().contains("{}"), "a key of the description got no schema shape")
    }

    func testEveryPropertyHasADescription() throws {
        var missing: [String] = []
        func visit(_ value: JSONValue, path: String) {
            switch value {
            case .object(let members):
                if let properties = value["properties"], value["type"] != nil || value["additionalProperties"] != nil {
                    for (key, property) in properties.keysAndValues where property["description"]?.text?.isEmpty ?? true {
                        missing.append("\(path)/properties/\(key)")
                    }
                }
                for member in members { visit(member.value, path: "\(path)/\(member.key)") }
            case .array(let items):
                for (index, item) in items.enumerated() { visit(item, path: "\(path)/\(index)") }
            default:
                break
            }
        }
        visit(try XCTUnwrap(schema["definitions"]), path: "#/definitions")
        XCTAssertEqual(missing, [])
    }

    // MARK: Rule settings

    func testRuleSettingsNameEveryRuleAndItsOptions() throws {
        let rules = try XCTUnwrap(inlineObject(try definition("config")["properties"]?["rules"]))
        XCTAssertEqual(rules.keysOfProperties, RuleRegistry.all.map(\.id))
        for rule in RuleRegistry.all {
            let setting = rules["properties"]?[rule.id]?["anyOf"]?.items?.last
            XCTAssertEqual(keys(setting), ["severity"] + rule.options.map(\.name), rule.id)
        }
        XCTAssertEqual(rules["additionalProperties"].map { if case .bool(false) = $0 { true } else { false } }, true)
    }

    func testLimitsAreTheDecodersAndNoneGoesAboveItsDefault() throws {
        let limits = try XCTUnwrap(inlineObject(try definition("config")["properties"]?["limits"]))
        XCTAssertEqual(keys(limits), ModelDecoder.limitKeys)
        XCTAssertEqual(limits["additionalProperties"].map { if case .bool(false) = $0 { true } else { false } }, true)
        for limit in InputLimit.all {
            let property = limits["properties"]?[limit.name]
            let integer = { (value: JSONValue?) -> Int? in if case .integer(let number) = value { number } else { nil } }
            XCTAssertEqual(integer(property?["maximum"]), limit.defaultValue, limit.name)
            XCTAssertEqual(integer(property?["minimum"]), 1, limit.name)
        }
        XCTAssertEqual(limits["properties"]?["max-file-size"]?["pattern"]?.text, "^[+]?[0-9]+(K|KB|KiB|M|MB|MiB)?$")
        XCTAssertEqual(
            limits["properties"]?["max-depth"]?["description"]?.text,
            "Deepest nesting of YAML collections (default: 64, the most the config may set).")
    }

    func testRuleSettings() {
        let rules = [
            RuleDescriptor(
                id: "raci/too-many-consulted", defaultSeverity: .warning, summary: "more consulted roles than the limit",
                explanation: "", failingExample: "", fixedExample: "",
                options: [
                    RuleOptionDescriptor(
                        name: "max", defaultValue: 4, summary: "the most consulted roles an activity may have", allowed: 0...1_000_000)
                ]),
            RuleDescriptor(
                id: "raci/overloaded-role", defaultSeverity: .note, summary: "a role carries\ntoo large a share",
                explanation: "", failingExample: "", fixedExample: "",
                options: [RuleOptionDescriptor(name: "accountable-share", defaultValue: 0.5, summary: "the largest share", allowed: 0...1)]),
            RuleDescriptor(
                id: "raci/responsible-is-accountable", defaultSeverity: nil, summary: "a role both R and A on one activity",
                explanation: "", failingExample: "", fixedExample: ""),
            RuleDescriptor(
                id: "handoff/gap", defaultSeverity: .error, summary: "responsibility changes with no handoff",
                explanation: "", failingExample: "", fixedExample: ""),
        ]
        let config = JSONSchemaRenderer(rules: rules).schema["definitions"]?["config"]?["properties"]?["rules"]
        assertGolden(config?.rendered() ?? "", named: "schema-rule-settings.json")
    }

    // MARK: Output

    func testRenderIsStable() {
        XCTAssertEqual(JSONSchemaRenderer().render(), JSONSchemaRenderer().render())
    }

    func testJSONValueRendering() {
        let value = JSONValue.object([
            ("text", .string("quote \" backslash \\ newline \n")),
            ("words", .array([.string("a"), .null, .bool(true)])),
            ("numbers", .array([.integer(-3), .number(0.5), .number(1_000_000), .number(.infinity)])),
            ("empty", .object([])),
            ("none", .array([])),
            ("nested", .array([.object([("k", .integer(1))])])),
        ])
        XCTAssertEqual(
            value.rendered(),
            """
            {
              "text": "quote \\" backslash \\\\ newline \\n",
              "words": ["a", null, true],
              "numbers": [-3, 0.5, 1000000, null],
              "empty": {},
              "none": [],
              "nested": [
                {
                  "k": 1
                }
              ]
            }

            """)
    }
}

extension JSONValue {
    fileprivate var keysAndValues: [(key: String, value: JSONValue)] {
        guard case .object(let members) = self else { return [] }
        return members
    }

    fileprivate var keysOfProperties: [String] { self["properties"]?.keys ?? [] }
}
