import XCTest

@testable import ProcDef

/// The id table rules look roles up in: it answers exactly as the dictionary it was made from.
final class IDTableTests: XCTestCase {
    func testAnswersAsTheDictionaryDoes() {
        var dictionary: [String: Int] = [:]
        for i in 0..<1_000 { dictionary["role-\(i)"] = i }
        // Texts over 15 bytes are not stored inline, and one is empty.
        dictionary["a-role-id-longer-than-fifteen-bytes"] = -1
        dictionary[""] = -3
        let table = IDTable(dictionary)
        for (key, value) in dictionary {
            XCTAssertEqual(table[key], value, key)
            // The same bytes in a string made anew, not the stored one.
            XCTAssertEqual(table[String(decoding: Array(key.utf8), as: UTF8.self)], value, key)
        }
        for missing in ["role-1000", "role-", "Role-1", "équipe", "a-role-id-longer-than-fifteen-byte", " "] {
            XCTAssertNil(table[missing], missing)
        }
        XCTAssertFalse(table.isEmpty)
    }

    /// The dictionary compares texts by canonical equivalence, and so must the table: a role id written with a
    /// combining accent names the role written precomposed, and the Kelvin sign names `K`.
    func testCanonicallyEquivalentIdsFindTheSameValue() {
        let precomposed = "caf\u{E9}-team"
        let combining = "cafe\u{301}-team"
        let kelvin = "\u{212A}-team"
        let ascii: [String: Int] = ["K-team": 1, "role": 2]
        let nonASCII: [String: Int] = [precomposed: 3, "role": 4]
        for (dictionary, queries) in [
            (ascii, [kelvin, "K-team", "role", "k-team"]), (nonASCII, [combining, precomposed, "role", "cafe-team"]),
        ] {
            let table = IDTable(dictionary)
            for query in queries {
                XCTAssertEqual(
                    table[query], dictionary[query], query.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
            }
        }
        XCTAssertEqual(IDTable(ascii)[kelvin], 1)
        XCTAssertEqual(IDTable(nonASCII)[combining], 3)
    }

    func testAnEmptyTableFindsNothing() {
        let table = IDTable([String: Int]())
        XCTAssertTrue(table.isEmpty)
        XCTAssertNil(table["service-desk"])
        XCTAssertNil(table[""])
    }

    /// Ids that differ only after the first eight bytes, or only in their last byte, hash apart.
    func testNearIdenticalIds() {
        let ids = (0..<64).map { "incident-manager-\($0)" } + (0..<64).map { "x\($0)" }
        let table = IDTable(Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) }))
        for (index, id) in ids.enumerated() { XCTAssertEqual(table[id], index, id) }
    }
}
