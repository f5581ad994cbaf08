/// The id syntax of processes, activities, roles and policies: kebab-case, `[a-z0-9]+(-[a-z0-9]+)*`.
///
/// Ids become file names (`runbooks/<id>.md`) and DOT node ids, so they are kept to a syntax that is safe everywhere.
public enum Identifier {
    public static func isValid(_ id: String) -> Bool {
        // Every reference of every file passes here: read the contiguous UTF-8 rather than iterate the String view.
        var id = id
        return id.withUTF8(isValid(utf8:))
    }

    private static func isValid(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
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
        return result.isEmpty || result.count > 200 ? nil : result
    }
}
