/// One input file as read from disk: the path shown to users and its bytes, kept for source snippets and inline suppressions.
public struct SourceFile: Sendable {
    /// Relative to the current directory when below it, always with `/`.
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// The text of 1-based line `number` without its line break, decoded leniently (invalid UTF-8 becomes U+FFFD); nil past the end.
    public func line(_ number: Int) -> String? {
        guard number >= 1 else { return nil }
        var current = 1
        var start = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") {
                if current == number { return Self.text(bytes[start..<index]) }
                current += 1
                start = index + 1
            }
            index += 1
        }
        if current == number && start <= bytes.count { return Self.text(bytes[start..<bytes.count]) }
        return nil
    }

    private static func text(_ slice: ArraySlice<UInt8>) -> String {
        var s = String(decoding: slice, as: UTF8.self)
        if s.hasSuffix("\r") { s.removeLast() }
        return s
    }
}
