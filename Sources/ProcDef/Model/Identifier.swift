/// The id syntax of processes, activities, roles and policies: kebab-case, `[a-z0-9]+(-[a-z0-9]+)*`, and at most
/// `maxLength` characters.
///
/// Ids become file names (`runbooks/<id>.md`) and DOT node ids, so they are kept to a syntax that is safe everywhere.
public enum Identifier {
    /// The longest id, in characters (a valid id is ASCII, so also in bytes). Ids become file names such as
    /// `diagrams/<id>.svg`, well under the 255 bytes a file system allows in one name, and they are quoted whole in
    /// findings; a longer id is a `schema/invalid-id` error, so `check` refuses what `build` could not write.
    public static let maxLength = 64

    /// Why an id is not valid.
    public enum Defect: Sendable, Equatable {
        /// Not kebab-case.
        case shape
        /// Kebab-case, but longer than `maxLength`; the length in characters.
        case length(Int)
    }

    /// Kebab-case and at most `maxLength` characters.
    public static func isValid(_ id: String) -> Bool {
        // Every reference of every file passes here: read the contiguous UTF-8 rather than iterate the String view.
        var id = id
        return id.withUTF8 { $0.count <= maxLength && isKebabCase(utf8: $0) }
    }

    /// What is wrong with `id`, or nil when it is valid. The shape comes first: only a kebab-case id is measured, so
    /// its length in characters is its length in bytes.
    public static func defect(of id: String) -> Defect? {
        var id = id
        return id.withUTF8 { bytes in
            if !isKebabCase(utf8: bytes) { return .shape }
            return bytes.count > maxLength ? .length(bytes.count) : nil
        }
    }

    /// The help of a finding about an invalid id: what ids look like and, for a bad shape, the kebab-case spelling
    /// when one fits.
    public static func help(for defect: Defect, of id: String) -> String {
        switch defect {
        case .shape:
            var help = "ids are kebab-case: lowercase letters and digits joined by single hyphens"
            if let fixed = kebabCased(id) { help += ", like '\(fixed)'" }
            return help
        case .length:
            return
                "ids are at most \(maxLength) characters, since they become file names (`runbooks/<id>.md`): shorten the id and every reference to it"
        }
    }

    /// What follows the id in a finding's message: nothing for a bad shape, the length for a long id.
    public static func detail(of defect: Defect) -> String {
        switch defect {
        case .shape: ""
        case .length(let count): ": \(count) characters, more than the limit of \(maxLength)"
        }
    }

    private static func isKebabCase(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousWasHyphen = true
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousWasHyphen = false
            case UInt8(ascii: "-"):
                if previousWasHyphen { return false }
                previousWasHyphen = true
            default:
                return false
            }
        }
        return !previousWasHyphen
    }

    /// The kebab-case spelling of `text` (`Log_Incident` -> `log-incident`), or nil when nothing usable is left.
    public static func kebabCased(_ text: String) -> String? {
        var result = ""
        var pendingHyphen = false
        var previousWasLower = false
        for scalar in text.unicodeScalars {
            let isUpper = ("A"..."Z").contains(scalar)
            let isLowerOrDigit = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
            if isUpper || isLowerOrDigit {
                // camelCase boundaries become hyphens: `resolverGroup` -> `resolver-group`.
                if (pendingHyphen || (isUpper && previousWasLower)) && !result.isEmpty { result += "-" }
                result += isUpper ? String(scalar).lowercased() : String(scalar)
                pendingHyphen = false
                previousWasLower = !isUpper
            } else {
                pendingHyphen = true
                previousWasLower = false
            }
        }
        // A spelling the checker would refuse for its length is no help.
        return result.isEmpty || result.utf8.count > maxLength ? nil : result
    }
}
