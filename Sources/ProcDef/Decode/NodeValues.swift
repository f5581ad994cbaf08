import YAMLTree

/// How the decoder reads YAML scalars: only plain scalars resolve to null, booleans and numbers (YAML 1.2 core schema),
/// so `"true"` stays text and `end: "true"` is a type error rather than a guess.
extension Node {
    private static let stringTag = "tag:yaml.org,2002:str"
    private static let nullTag = "tag:yaml.org,2002:null"

    var sequence: NodeList? { items }

    var mapping: MappingEntries? { entries }

    /// A plain `~`, `null` or empty scalar, or an explicit `!!null`: the key is treated as absent.
    var isNull: Bool {
        guard let style = scalarStyle else { return false }
        let tag = self.tag
        if tag == Self.nullTag { return true }
        guard tag == nil, style == .plain else { return false }
        return withScalarBytes { bytes in
            switch bytes.count {
            case 0: return true
            case 1: return bytes[0] == UInt8(ascii: "~")
            case 4: return isScalar("null") || isScalar("Null") || isScalar("NULL")
            default: return false
            }
        } ?? false
    }

    /// The value of a plain `true`/`false` (in any of YAML 1.2's three spellings).
    var plainBool: Bool? {
        guard let scalar, scalar.style == .plain, tag == nil || tag == "tag:yaml.org,2002:bool" else { return nil }
        switch scalar.text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// The value of a plain decimal integer such as `4` or `-2`; nil for anything else, including overflow.
    var plainInteger: Int? {
        guard let scalar, scalar.style == .plain, tag == nil || tag == "tag:yaml.org,2002:int" else { return nil }
        var digits = Substring(scalar.text)
        if digits.first == "+" || digits.first == "-" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(scalar.text.hasPrefix("+") ? String(scalar.text.dropFirst()) : scalar.text)
    }

    /// The value of a plain number such as `0.5` or `3`; nil for text, `.nan` and `.inf`.
    var plainNumber: Double? {
        guard let scalar, scalar.style == .plain, tag == nil || tag == "tag:yaml.org,2002:float" || tag == "tag:yaml.org,2002:int" else {
            return nil
        }
        let text = scalar.text
        guard !text.isEmpty, text.count <= 40,
            text.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
            text.contains(where: { $0.isNumber }),
            let value = Double(text), value.isFinite
        else { return nil }
        return value
    }

    /// What the node is, for "found ..." in type errors.
    var shapeDescription: String {
        switch kind {
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .scalar:
            if isNull { return "nothing" }
            let text = scalarText ?? ""
            // `end: "true"` must not read as "expected true or false, found 'true'".
            if scalarStyle != .plain || tag == "tag:yaml.org,2002:str" { return "the string \(Quoting.quoted(text))" }
            return Quoting.quoted(text)
        }
    }
}

/// Puts untrusted text into a message: quoted, single-line and short, so one odd value cannot swamp a report.
package enum Quoting {
    static let maxLength = 60

    package static func quoted(_ text: String) -> String {
        "'\(shortened(text))'"
    }

    package static func shortened(_ text: String) -> String {
        // Almost every id and key is short printable ASCII: nothing to do.
        if text.utf8.count <= maxLength && text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var result = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == maxLength {
                result += "…"
                break
            }
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                // Bidi embeddings, overrides and isolates too: in a message shown by a SARIF viewer or a GitHub
                // annotation they would make the quoted text read as something else (Trojan Source, CVE-2021-42574).
                let isBidiControl =
                    (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value) || scalar.value == 0x061C
                if scalar.properties.generalCategory == .control || isBidiControl {
                    result += "?"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
            count += 1
        }
        return result
    }

    /// `a, b or c`
    static func alternatives(_ words: [String]) -> String {
        guard let last = words.last else { return "" }
        if words.count == 1 { return last }
        return words.dropLast().joined(separator: ", ") + " or " + last
    }
}
