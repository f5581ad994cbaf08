import ProcDefTestSupport
import XCTest

@testable import YAMLTree

final class YAMLReaderTests: XCTestCase {
    private func parse(_ text: String, limits: YAMLLimits = YAMLLimits()) -> YAMLParseResult {
        YAMLReader.parse(Array(text.utf8), limits: limits)
    }

    private func pos(_ line: Int, _ column: Int, _ offset: Int) -> SourcePosition {
        SourcePosition(line: line, column: column, offset: offset)
    }

    private func mapping(_ node: Node?, file: StaticString = #filePath, line: UInt = #line) -> [MappingEntry] {
        guard case .mapping(let entries)? = node?.content else {
            XCTFail("expected a mapping", file: file, line: line)
            return []
        }
        return entries
    }

    private func text(_ node: Node?) -> String? {
        guard case .scalar(let scalar)? = node?.content else { return nil }
        return scalar.text
    }

    // MARK: marks

    func testMarksOnEveryNodeKind() {
        let result = parse("kind: process\nactivities:\n  - id: log\n    tags: [a, b]\n")
        XCTAssertEqual(result.problems, [])
        XCTAssertEqual(result.documents.count, 1)
        let root = result.documents[0].root
        XCTAssertEqual(root.range.start, pos(1, 1, 0))
        let entries = mapping(root)
        XCTAssertEqual(entries.count, 2)
        XCTAssertEqual(entries[0].key.range, SourceRange(start: pos(1, 1, 0), end: pos(1, 5, 4)))
        XCTAssertEqual(entries[0].value.range, SourceRange(start: pos(1, 7, 6), end: pos(1, 14, 13)))
        let list = entries[1].value
        XCTAssertEqual(list.range.start, pos(3, 3, 28))
        guard case .sequence(let items) = list.content else { return XCTFail("expected a sequence") }
        let activity = mapping(items.first)
        XCTAssertEqual(activity[0].key.range.start, pos(3, 5, 30))
        XCTAssertEqual(text(activity[0].value), "log")
        let flow = activity[1].value
        XCTAssertEqual(flow.range, SourceRange(start: pos(4, 11, 48), end: pos(4, 17, 54)))
        guard case .sequence(let tags) = flow.content else { return XCTFail("expected a flow sequence") }
        XCTAssertEqual(tags.map { $0.range.start }, [pos(4, 12, 49), pos(4, 15, 52)])
    }

    func testColumnsCountCodePointsAndOffsetsCountBytes() {
        // "é" is two bytes in UTF-8: the column counts it once, the offset twice.
        let result = parse("name: é\nid: x\n")
        XCTAssertEqual(result.problems, [])
        let entries = mapping(result.documents.first?.root)
        XCTAssertEqual(entries[0].value.range, SourceRange(start: pos(1, 7, 6), end: pos(1, 8, 8)))
        XCTAssertEqual(entries[1].key.range.start, pos(2, 1, 9))
        XCTAssertEqual(entries[1].value.range.start, pos(2, 5, 13))
    }

    func testScalarStylesAndTags() {
        let result = parse("a: plain\nb: 'single'\nc: \"double\"\nd: |\n  literal\ne: >\n  folded\nf: !!str 12\n")
        XCTAssertEqual(result.problems, [])
        let entries = mapping(result.documents.first?.root)
        let styles: [ScalarStyle] = entries.compactMap {
            if case .scalar(let s) = $0.value.content { return s.style }
            return nil
        }
        XCTAssertEqual(styles, [.plain, .singleQuoted, .doubleQuoted, .literal, .folded, .plain])
        XCTAssertEqual(text(entries[3].value), "literal\n")
        XCTAssertEqual(entries[5].value.tag, "tag:yaml.org,2002:str")
        XCTAssertNil(entries[0].value.tag)
    }

    func testScalarsMayContainNUL() {
        let result = parse("a: \"x\\0y\"\n")
        XCTAssertEqual(result.problems, [])
        XCTAssertEqual(text(mapping(result.documents.first?.root).first?.value), "x\u{0}y")
    }

    func testSeveralDocuments() {
        let result = parse("kind: roles\n---\nkind: process\n---\n- 1\n")
        XCTAssertEqual(result.problems, [])
        XCTAssertEqual(result.documents.count, 3)
        XCTAssertEqual(result.documents.map { $0.range.start.line }, [1, 2, 4])
        XCTAssertEqual(text(mapping(result.documents[1].root).first?.value), "process")
    }

    func testEmptyInputAndCommentsOnlyHaveNoDocuments() {
        XCTAssertEqual(parse("").documents.count, 0)
        XCTAssertEqual(parse("").problems, [])
        XCTAssertEqual(parse("# only a comment\n\n").documents.count, 0)
        XCTAssertEqual(parse("# only a comment\n\n").problems, [])
    }

    // MARK: aliases

    func testAliasSharesTheAnchoredNode() {
        let result = parse("base: &who [service-desk, user]\nother: *who\n")
        XCTAssertEqual(result.problems, [])
        let entries = mapping(result.documents.first?.root)
        XCTAssertEqual(entries[1].value.anchor, "who")
        // The alias is the anchored node itself: same content and the anchor's own range.
        XCTAssertEqual(entries[1].value.range, entries[0].value.range)
        guard case .sequence(let items) = entries[1].value.content else { return XCTFail("expected the anchored sequence") }
        XCTAssertEqual(items.compactMap(text), ["service-desk", "user"])
    }

    func testRecursiveAliasIsAnError() {
        let result = parse("&x [*x]\n")
        XCTAssertEqual(result.documents.count, 0)
        XCTAssertEqual(
            result.problems,
            [
                YAMLProblem(
                    kind: .syntax,
                    message: "alias '*x' refers to its own enclosing node '&x' (a recursive alias)",
                    range: SourceRange(start: pos(1, 5, 4), end: pos(1, 7, 6))
                )
            ])
    }

    func testUndefinedAliasIsAnError() {
        let result = parse("a: *nowhere\n")
        XCTAssertEqual(result.problems.map(\.kind), [.syntax])
        XCTAssertEqual(result.problems.first?.message, "alias '*nowhere' refers to no anchor defined before it")
        XCTAssertEqual(result.problems.first?.range.start, pos(1, 4, 3))
    }

    func testBillionLaughsStopsAtTheExpansionBudget() {
        var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for level in 1..<names.count {
            let previous = "*" + names[level - 1]
            text += "\(names[level]): &\(names[level]) [" + Array(repeating: previous, count: 9).joined(separator: ",") + "]\n"
        }
        let result = parse(text)
        XCTAssertEqual(result.documents.count, 0)
        XCTAssertEqual(result.problems.map(\.kind), [.limits])
        XCTAssertEqual(result.problems.first?.message, "aliases in this document would expand to more than 10000 nodes")
        // Level e (the fifth) is where 9 copies of a 7,381-node subtree pass the budget.
        XCTAssertEqual(result.problems.first?.range.start.line, 5)
    }

    func testAliasCountLimit() {
        let text = "a: &a x\nb: [" + Array(repeating: "*a", count: 20_000).joined(separator: ", ") + "]\n"
        let result = parse(text)
        XCTAssertEqual(result.problems.map(\.kind), [.limits])
        XCTAssertEqual(result.problems.first?.message, "more than 100 aliases in one document")
        XCTAssertEqual(result.problems.first?.range.start, pos(2, 5 + 4 * 100, 8 + 4 + 4 * 100))
    }

    func testAliasCountIsPerDocument() {
        let doc = "a: &a x\nb: [" + Array(repeating: "*a", count: 60).joined(separator: ", ") + "]\n"
        let result = parse(doc + "---\n" + doc)
        XCTAssertEqual(result.problems, [])
        XCTAssertEqual(result.documents.count, 2)
    }

    // MARK: limits

    func testDepthLimitStopsDeepFlowNestingQuickly() {
        let depth = 200_000
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let result = parse(text)
        XCTAssertEqual(result.documents.count, 0)
        XCTAssertEqual(
            result.problems,
            [YAMLProblem(kind: .limits, message: "nesting is deeper than 64 levels", range: SourceRange(at: pos(1, 65, 64)))])
    }

    func testDepthLimitOnBlockNesting() {
        var text = ""
        for level in 0..<70 {
            text += String(repeating: "  ", count: level) + "k\(level):\n"
        }
        let result = parse(text)
        XCTAssertEqual(result.problems.map(\.kind), [.limits])
        // The mapping of level 64 (0-based) is the 65th and opens on line 65.
        XCTAssertEqual(result.problems.first?.range.start.line, 65)
    }

    func testExactlyAtTheDepthLimitIsFine() {
        let text = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        XCTAssertEqual(parse(text).problems, [])
    }

    func testFileSizeLimit() {
        let bytes = [UInt8](repeating: UInt8(ascii: "#"), count: 9 * 1024 * 1024)
        let result = YAMLReader.parse(bytes)
        XCTAssertEqual(result.problems, [YAMLProblem(kind: .limits, message: "file is 9 MiB, over the 8 MiB limit", range: .fileStart)])
    }

    func testLimitsAreConfigurable() {
        let limits = YAMLLimits(maxFileSize: 10, maxDepth: 2, maxAliasesPerDocument: 1, maxAliasExpansion: 5)
        XCTAssertEqual(
            YAMLReader.parse(Array("a: [1, 2, 3]\n".utf8), limits: limits).problems.first?.message,
            "file is 13 bytes, over the 10 bytes limit")
        XCTAssertEqual(parse("[[[1]]]", limits: YAMLLimits(maxDepth: 2)).problems.first?.message, "nesting is deeper than 2 levels")
        XCTAssertEqual(
            parse("a: &a 1\nb: [*a, *a]\n", limits: YAMLLimits(maxAliasesPerDocument: 1)).problems.first?.message,
            "more than 1 aliases in one document")
    }

    // MARK: duplicate keys

    func testDuplicateKeyGivesBothPositionsAndKeepsTheFirst() {
        let result = parse("id: log\nname: Log\nid: other\n")
        XCTAssertEqual(
            result.problems,
            [
                YAMLProblem(
                    kind: .duplicateKey,
                    message: "duplicate key 'id' in this mapping; it was first given at line 1, column 1",
                    range: SourceRange(start: pos(3, 1, 18), end: pos(3, 3, 20)),
                    notes: [YAMLProblem.Note(message: "'id' first given here", range: SourceRange(start: pos(1, 1, 0), end: pos(1, 3, 2)))]
                )
            ])
        let entries = mapping(result.documents.first?.root)
        XCTAssertEqual(entries.compactMap { text($0.value) }, ["log", "Log"])
    }

    func testDuplicateKeyInALargeMapping() {
        // Past 16 keys the reader switches from a linear scan to a hash index; both must find the first key.
        let keys = (0..<40).map { "k\($0): \($0)\n" }.joined()
        let result = parse(keys + "k3: again\nk39: again\n")
        XCTAssertEqual(
            result.problems.map(\.message),
            [
                "duplicate key 'k3' in this mapping; it was first given at line 4, column 1",
                "duplicate key 'k39' in this mapping; it was first given at line 40, column 1",
            ])
        XCTAssertEqual(mapping(result.documents.first?.root).count, 40)
    }

    /// YAML compares scalar keys by their characters: a precomposed é and e with a combining accent are two keys,
    /// in a small mapping (scanned) and a large one (indexed) alike, while the same bytes repeated are a duplicate.
    func testKeysAreComparedByCharactersInSmallAndLargeMappings() {
        let pair = "caf\u{E9}: 1\ncafe\u{301}: 2\n"
        XCTAssertEqual(parse(pair).problems, [])
        XCTAssertEqual(mapping(parse(pair).documents.first?.root).count, 2)
        let large = (0..<20).map { "k\($0): \($0)\n" }.joined() + pair
        XCTAssertEqual(parse(large).problems, [])
        XCTAssertEqual(mapping(parse(large).documents.first?.root).count, 22)
        XCTAssertEqual(
            parse(large + "caf\u{E9}: 3\n").problems.map(\.message),
            [
                "duplicate key 'caf\u{E9}' in this mapping; it was first given at line 21, column 1"
            ])
        XCTAssertEqual(
            parse(pair + "cafe\u{301}: 3\n").problems.map(\.message),
            [
                "duplicate key 'cafe\u{301}' in this mapping; it was first given at line 2, column 1"
            ])
    }

    func testSameKeyInDifferentMappingsIsFine() {
        XCTAssertEqual(parse("- id: a\n- id: b\n").problems, [])
    }

    func testQuotedAndPlainSpellingsOfOneKeyAreDuplicates() {
        XCTAssertEqual(parse("id: a\n\"id\": b\n").problems.map(\.kind), [.duplicateKey])
    }

    // MARK: syntax and encoding

    func testSyntaxErrorCarriesPositionAndContext() {
        let result = parse("kind: process\nactivities:\n  - id: log\n   bad: [\n")
        XCTAssertEqual(result.documents.count, 0)
        XCTAssertEqual(result.problems.count, 1)
        let problem = result.problems[0]
        XCTAssertEqual(problem.kind, .syntax)
        XCTAssertEqual(problem.message, "did not find expected '-' indicator")
        XCTAssertEqual(problem.range.start, pos(4, 4, 41))
        XCTAssertEqual(
            problem.notes, [YAMLProblem.Note(message: "while parsing a block collection", range: SourceRange(at: pos(3, 3, 28)))])
    }

    func testDocumentsBeforeASyntaxErrorAreKept() {
        let result = parse("kind: roles\n---\nkind: [\n")
        XCTAssertEqual(result.documents.count, 1)
        XCTAssertEqual(result.problems.map(\.kind), [.syntax])
    }

    func testUnterminatedQuote() {
        let result = parse("name: \"never closed\n")
        XCTAssertEqual(result.problems.map(\.kind), [.syntax])
        XCTAssertEqual(result.problems.first?.message, "found unexpected end of stream")
    }

    func testTabIndentation() {
        let result = parse("kind: process\nactivities:\n\t- id: log\n")
        XCTAssertEqual(result.problems.map(\.kind), [.syntax])
        XCTAssertEqual(result.problems.first?.message, "found character that cannot start any token")
        XCTAssertEqual(result.problems.first?.range.start, pos(3, 1, 26))
    }

    func testLatin1IsAnEncodingProblemAtTheExactByte() {
        // "Caf\u{E9}" in Latin-1: a lone 0xE9 byte.
        let bytes: [UInt8] = Array("kind: roles\nname: Caf".utf8) + [0xE9] + Array("\n".utf8)
        let result = YAMLReader.parse(bytes)
        XCTAssertEqual(result.documents.count, 0)
        XCTAssertEqual(
            result.problems,
            [
                YAMLProblem(
                    kind: .encoding,
                    message:
                        "file is not valid UTF-8: byte 0xE9 at line 2, column 10 does not start or continue a UTF-8 sequence; save the file as UTF-8",
                    range: SourceRange(at: pos(2, 10, 21))
                )
            ])
    }

    func testUTF16IsNamed() {
        let result = YAMLReader.parse([0xFF, 0xFE, 0x6B, 0x00])
        XCTAssertEqual(
            result.problems.first?.message,
            "file is UTF-16 (it starts with a UTF-16 byte-order mark); procdef reads UTF-8 only; save the file as UTF-8")
    }

    func testControlCharacterIsASyntaxProblemAtItsPlace() {
        let result = parse("a: b\nc: \u{1}\n")
        XCTAssertEqual(result.problems.count, 1)
        XCTAssertEqual(result.problems.first?.kind, .syntax)
        XCTAssertEqual(result.problems.first?.message, "control characters are not allowed (character U+1)")
        XCTAssertEqual(result.problems.first?.range.start, pos(2, 4, 8))
    }

    func testRandomBytesNeverTrap() {
        var generator = SplitMix64(seed: 0x5EED)
        for _ in 0..<50 {
            let bytes = (0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let result = YAMLReader.parse(bytes)
            XCTAssertFalse(result.problems.isEmpty)
        }
    }

    func testRandomASCIIPunctuationNeverTraps() {
        var generator = SplitMix64(seed: 42)
        let alphabet = Array("[]{}:,-?&*!|>'\"%@` \n\ta1#".utf8)
        for _ in 0..<300 {
            let bytes = (0..<200).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            _ = YAMLReader.parse(bytes)
        }
    }

    func testDescribeSize() {
        XCTAssertEqual(YAMLReader.describeSize(8 * 1024 * 1024), "8 MiB")
        XCTAssertEqual(YAMLReader.describeSize(9 * 1024 * 1024 + 100_000), "9.1 MiB")
        XCTAssertEqual(YAMLReader.describeSize(512 * 1024), "512 KiB")
        XCTAssertEqual(YAMLReader.describeSize(1), "1 byte")
    }
}
