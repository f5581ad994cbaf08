import YAMLTree

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `# procdef: ignore RULE[, RULE] -- reason`, read from the raw lines because libyaml drops comments.
///
/// A comment on a line of its own silences the findings on the next line; a comment after content silences the
/// findings on its own line. Rules are ids (`raci/too-many-consulted`) or families (`handoff/*`).
package struct InlineSuppression: Sendable, Hashable {
    /// The rules as written, each with its range.
    package var rules: [Located<String>]
    package var reason: String?
    /// The whole comment.
    package var range: SourceRange
    /// The 1-based line whose findings it silences.
    package var targetLine: Int
    /// Where the white space before the comment starts: the start of its line for a comment alone on it.
    package var leadingSpaceStart: SourcePosition
    /// The start of the next line (the end of the file after a last line with no line break).
    package var nextLineStart: SourcePosition

    package init(
        rules: [Located<String>], reason: String?, range: SourceRange, targetLine: Int, leadingSpaceStart: SourcePosition,
        nextLineStart: SourcePosition
    ) {
        self.rules = rules
        self.reason = reason
        self.range = range
        self.targetLine = targetLine
        self.leadingSpaceStart = leadingSpaceStart
        self.nextLineStart = nextLineStart
    }

    /// Whether the comment is alone on its line, and so silences the next one.
    package var isOwnLine: Bool { targetLine != range.start.line }

    /// What removing the comment deletes. A comment alone on its line goes with its line, line break included, unless
    /// `keepingLine` (another suppression above silences this line: with the line gone it would silence the next);
    /// then, as after content, the comment and the white space before it go, and the line break stays.
    package func removal(keepingLine: Bool) -> SourceRange {
        isOwnLine && !keepingLine
            ? SourceRange(start: leadingSpaceStart, end: nextLineStart) : SourceRange(start: leadingSpaceStart, end: range.end)
    }

    /// Whether this suppression names `ruleID`, exactly or by family.
    package func covers(_ ruleID: String) -> Bool {
        rules.contains { Self.pattern($0.value, matches: ruleID) }
    }

    static func pattern(_ pattern: String, matches ruleID: String) -> Bool {
        if pattern.hasSuffix("/*") {
            return ruleID.hasPrefix(pattern.dropLast())
        }
        return pattern == ruleID
    }

    /// A quick scan for the marker, so files without suppressions (nearly all) skip the scalar-range walk.
    package static func mayOccur(in bytes: [UInt8]) -> Bool {
        let marker: StaticString = "procdef:"
        let length = marker.utf8CodeUnitCount
        guard bytes.count >= length else { return false }
        // Every file of a large repository is scanned: jump from colon to colon with the C library's `memchr`, which
        // compares many bytes at a time, and compare the marker only before a colon.
        return bytes.withUnsafeBufferPointer { text in
            guard let base = text.baseAddress else { return false }
            var from = length - 1
            while from < text.count, let hit = memchr(base + from, Int32(UInt8(ascii: ":")), text.count - from) {
                let colon = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if colon >= length - 1, memcmp(base + colon - (length - 1), marker.utf8Start, length) == 0 { return true }
                from = colon + 1
            }
            return false
        }
    }

    /// Finds every suppression comment in `bytes`. `scalarRanges` (sorted byte ranges of the file's scalars) say
    /// where a `#` is part of a value; when the file did not parse, `#` after white space starts a comment.
    package static func scan(_ bytes: [UInt8], scalarRanges: [Range<Int>]) -> [InlineSuppression] {
        let marker = Array("procdef:".utf8)
        var found: [InlineSuppression] = []
        var scalarIndex = 0
        var lineNumber = 1
        var lineStart = 0
        var i = 0
        let n = bytes.count
        while i <= n {
            guard i < n, bytes[i] != UInt8(ascii: "\n") else {
                // End of a line: look for a comment in bytes[lineStart..<i].
                // The suppression may follow text that YAML already read as a comment (`name: Post in #bridge
                // # procdef: ...`, which `yaml/comment-in-text` reports): each later ` #` in the comment is tried too.
                var candidate = commentStart(bytes, from: lineStart, to: i, scalarRanges: scalarRanges, scalarIndex: &scalarIndex)
                while let hash = candidate {
                    var j = hash + 1
                    while j < i && (bytes[j] == UInt8(ascii: " ") || bytes[j] == UInt8(ascii: "\t")) { j += 1 }
                    candidate = nil
                    guard j + marker.count <= i && Array(bytes[j..<(j + marker.count)]) == marker else {
                        var k = hash + 1
                        while k < i {
                            if bytes[k] == UInt8(ascii: "#") && (bytes[k - 1] == UInt8(ascii: " ") || bytes[k - 1] == UInt8(ascii: "\t")) {
                                candidate = k
                                break
                            }
                            k += 1
                        }
                        continue
                    }
                    do {
                        let ownLine = bytes[lineStart..<hash].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
                        if let suppression = parse(
                            bytes, commentStart: hash, bodyStart: j + marker.count, lineEnd: i, line: lineNumber, lineStart: lineStart,
                            ownLine: ownLine)
                        {
                            found.append(suppression)
                        }
                    }
                }
                lineNumber += 1
                lineStart = i + 1
                i += 1
                continue
            }
            i += 1
        }
        return found
    }

    /// The offset of the `#` that starts a comment on this line, if any.
    private static func commentStart(_ bytes: [UInt8], from start: Int, to end: Int, scalarRanges: [Range<Int>], scalarIndex: inout Int)
        -> Int?
    {
        var k = start
        while k < end {
            if bytes[k] == UInt8(ascii: "#") && (k == start || bytes[k - 1] == UInt8(ascii: " ") || bytes[k - 1] == UInt8(ascii: "\t")) {
                while scalarIndex < scalarRanges.count && scalarRanges[scalarIndex].upperBound <= k { scalarIndex += 1 }
                let insideScalar = scalarIndex < scalarRanges.count && scalarRanges[scalarIndex].contains(k)
                if !insideScalar { return k }
                // Skip to the end of that scalar: nothing inside it is a comment.
                k = min(end, scalarRanges[scalarIndex].upperBound)
                continue
            }
            k += 1
        }
        return nil
    }

    private static func parse(_ bytes: [UInt8], commentStart: Int, bodyStart: Int, lineEnd: Int, line: Int, lineStart: Int, ownLine: Bool)
        -> InlineSuppression?
    {
        func isSpace(_ b: UInt8) -> Bool { b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\r") }
        func column(of offset: Int) -> Int {
            1 + bytes[lineStart..<offset].count { $0 & 0xC0 != 0x80 }
        }
        func position(_ offset: Int) -> SourcePosition {
            SourcePosition(line: line, column: column(of: offset), offset: offset)
        }
        var k = bodyStart
        while k < lineEnd && isSpace(bytes[k]) { k += 1 }
        let keyword = Array("ignore".utf8)
        guard k + keyword.count <= lineEnd, Array(bytes[k..<(k + keyword.count)]) == keyword else { return nil }
        k += keyword.count
        guard k == lineEnd || isSpace(bytes[k]) else { return nil }

        var rules: [Located<String>] = []
        var reason: String?
        var tokenStart: Int?
        func flush(at end: Int) {
            if let start = tokenStart {
                rules.append(
                    Located(
                        String(decoding: bytes[start..<end], as: UTF8.self), at: SourceRange(start: position(start), end: position(end))))
            }
            tokenStart = nil
        }
        while k < lineEnd {
            let b = bytes[k]
            if b == UInt8(ascii: "-") && k + 1 < lineEnd && bytes[k + 1] == UInt8(ascii: "-") && tokenStart == nil {
                let text = String(decoding: bytes[(k + 2)..<lineEnd], as: UTF8.self)
                let trimmed = Substring(text).trimmingSpaces()
                reason = trimmed.isEmpty ? nil : trimmed
                break
            }
            if isSpace(b) || b == UInt8(ascii: ",") {
                flush(at: k)
            } else if tokenStart == nil {
                tokenStart = k
            }
            k += 1
        }
        flush(at: k)
        var end = lineEnd
        if end > lineStart && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        var leading = commentStart
        while leading > lineStart && (bytes[leading - 1] == UInt8(ascii: " ") || bytes[leading - 1] == UInt8(ascii: "\t")) { leading -= 1 }
        let nextLine = lineEnd < bytes.count ? SourcePosition(line: line + 1, column: 1, offset: lineEnd + 1) : position(lineEnd)
        return InlineSuppression(
            rules: rules, reason: reason, range: SourceRange(start: position(commentStart), end: position(end)),
            targetLine: ownLine ? line + 1 : line, leadingSpaceStart: position(leading), nextLineStart: nextLine)
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        String(self.drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
    }
}
