import Foundation

/// Converts between `file:` URIs and absolute paths, percent-encoding what a URI path cannot hold as it is.
public enum FileURI {
    /// The absolute path a `file:` URI names, percent-decoded (`file:///a%20b` is `/a b`).
    ///
    /// Nil for another scheme (`untitled:`, `https:`), a host other than `localhost` (a network share), or a path
    /// that decodes to a NUL byte or to bytes that are not UTF-8. A query or fragment is not part of the path. A `%`
    /// not followed by two hex digits stays as it is, as editors that decode leniently read it.
    public static func path(fromURI uri: DocumentURI) -> String? {
        let bytes = Array(uri.utf8)
        let scheme = Array("file:".utf8)
        guard bytes.count >= scheme.count, zip(bytes, scheme).allSatisfy({ asciiLowercased($0) == $1 }) else { return nil }
        var rest = bytes[scheme.count...]
        if rest.starts(with: Array("//".utf8)) {
            let authorityStart = rest.startIndex + 2
            let authorityEnd = rest[authorityStart...].firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
            let authority = rest[authorityStart..<authorityEnd]
            guard authority.isEmpty || authority.map(asciiLowercased).elementsEqual("localhost".utf8) else { return nil }
            rest = rest[authorityEnd...]
        }
        if let end = rest.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) {
            rest = rest[..<end]
        }
        guard rest.first == UInt8(ascii: "/") else { return nil }
        let decoded = percentDecoded(rest)
        guard !decoded.contains(0) else { return nil }
        // Decoding repairs invalid UTF-8; comparing with the bytes tells whether there was anything to repair.
        let path = String(decoding: decoded, as: UTF8.self)
        return path.utf8.elementsEqual(decoded) ? path : nil
    }

    /// The `file:` URI of a path, every byte but letters, digits, `-._~` and `/` percent-encoded (as VS Code writes
    /// them, so that the URI matches the one the client uses for the same file). A relative path is taken from the
    /// current directory.
    public static func uri(fromPath path: String) -> DocumentURI {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let hexDigits = Array("0123456789ABCDEF".utf8)
        var encoded = Array("file://".utf8)
        for byte in absolute.utf8 {
            if isUnreserved(byte) || byte == UInt8(ascii: "/") {
                encoded.append(byte)
            } else {
                encoded.append(contentsOf: [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]])
            }
        }
        return String(decoding: encoded, as: UTF8.self)
    }

    private static func percentDecoded(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.endIndex,
                let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
            {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    private static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }
}
