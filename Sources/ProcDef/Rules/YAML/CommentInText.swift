import YAMLTree

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A plain text cut short by a `#` that YAML read as the start of a comment: the rest of the line is lost.
/// Raised in `Decode/DecodedFile.swift`, where the finding comes up; this file holds its description and its check.
package enum CommentInText: Rule {
    package static let descriptor = RuleDescriptor(
        id: "yaml/comment-in-text",
        defaultSeverity: .warning,
        summary: "an unquoted text is cut short at a `#` that YAML reads as a comment",
        explanation: """
            In YAML, a `#` after a space starts a comment, even in the middle of an unquoted text. A step written \
            `Post the bridge link in #incident-bridge` reads as `Post the bridge link in`: the channel is gone, no \
            parser complains, and the runbook tells the practitioner to post somewhere nobody can find. The rule looks \
            at the texts a reader acts on (`procedure` steps, `name`, `expectation`, `when` and `purpose`) and reports \
            an unquoted text followed on its line by a `#` and a non-space character, at the `#`.

            Quote the whole text (`'Post the bridge link in #incident-bridge'`), and the `#` is part of it. A comment \
            written `# like this` (a space after the `#`) is taken for a comment and not reported, and a `#` inside a \
            quoted text or a block text (`|`, `>`) is text already. When the `#` really starts a comment, put a space \
            after it, or suppress the finding on that line with a reason (`yaml/*` findings can be suppressed inline).

            The finding carries an unsafe fix (`procdef check --fix --unsafe-fixes`, or an editor) that writes the \
            text and what YAML took for a comment as one double-quoted text, escaped, up to a comment written as one \
            (`# like this`) or a suppression, which stay comments. It is unsafe because the `#` may have been meant \
            to start a comment after all; the rule only knows that it reads like a channel or a tag.
            """,
        failingExample: """
            kind: roles
            roles:
              incident-owner: {name: Incident Process Owner, kind: owner}
              incident-manager: {name: Incident Manager, kind: manager}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
            ---
            kind: process
            id: major-incident
            name: Major Incident
            owner: incident-owner
            manager: incident-manager
            defaults:
              accountable: incident-manager
            activities:
              - id: open-bridge
                name: Open the bridge call
                responsible: service-desk
                procedure:
                  - Start the bridge call
                  - Post the bridge link in #incident-bridge
                next: close
              - id: close
                name: Close the major incident
                responsible: service-desk
                end: true
            """,
        fixedExample: """
            kind: roles
            roles:
              incident-owner: {name: Incident Process Owner, kind: owner}
              incident-manager: {name: Incident Manager, kind: manager}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
            ---
            kind: process
            id: major-incident
            name: Major Incident
            owner: incident-owner
            manager: incident-manager
            defaults:
              accountable: incident-manager
            activities:
              - id: open-bridge
                name: Open the bridge call
                responsible: service-desk
                procedure:
                  - Start the bridge call
                  - 'Post the bridge link in #incident-bridge'
                next: close
              - id: close
                name: Close the major incident
                responsible: service-desk
                end: true
            """
    )

    /// The keys whose texts people act on; `procedure` holds a list of them.
    private static let textKeys = ["procedure", "name", "expectation", "when", "purpose"]
    private static let space: UInt8 = 0x20
    private static let tab: UInt8 = 0x09
    private static let hash: UInt8 = 0x23

    /// The findings in one file's documents, parsed from `bytes`: every plain text under a text key that a `#` on its
    /// line cut short. Called while decoding, where the file's bytes are at hand.
    package static func diagnostics(in documents: [YAMLDocument], bytes: [UInt8], file: String) -> [Diagnostic] {
        // Nearly every file has no `#` followed by a non-space at all: skip the walk.
        guard mayOccur(in: bytes) else { return [] }
        var diagnostics: [Diagnostic] = []
        for document in documents {
            // An alias is the anchored node again: each node is judged once, and a cycle cannot loop.
            var visited: Set<[Int]> = []
            var stack: [Node] = [document.root]
            while let node = stack.popLast() {
                let kind = node.kind == .scalar ? 0 : node.kind == .sequence ? 1 : 2
                guard visited.insert([node.range.start.offset, node.range.end.offset, kind]).inserted else { continue }
                if let items = node.items { stack.append(contentsOf: items.reversed()) }
                guard let entries = node.entries else { continue }
                for position in entries.indices {
                    let entry = entries[position]
                    stack.append(entry.value)
                    guard entries.key(at: position, isOneOf: textKeys), let key = entry.key.scalarText else { continue }
                    let texts = entry.value.items.map(Array.init) ?? [entry.value]
                    for text in texts {
                        if let finding = diagnostic(for: text, key: key, bytes: bytes, file: file) { diagnostics.append(finding) }
                    }
                }
            }
        }
        return diagnostics.sorted { $0.range.start < $1.range.start }
    }

    private static func mayOccur(in bytes: [UInt8]) -> Bool {
        // Every file is scanned: jump from `#` to `#` with the C library's `memchr`, and look around each one only.
        bytes.withUnsafeBufferPointer { text in
            guard let base = text.baseAddress, text.count > 2 else { return false }
            var from = 1
            while from < text.count - 1, let hit = memchr(base + from, Int32(hash), text.count - 1 - from) {
                let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if text[index - 1] == space || text[index - 1] == tab, !isBlank(text[index + 1]) { return true }
                from = index + 1
            }
            return false
        }
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == 0x0A || byte == 0x0D
    }

    private static func diagnostic(for node: Node, key: String, bytes: [UInt8], file: String) -> Diagnostic? {
        guard node.scalarStyle == .plain else { return nil }
        let end = node.range.end
        var index = end.offset
        // An empty value (`name: #x` is a null) is `schema/*`'s finding.
        guard node.range.start.offset < index, index <= bytes.count else { return nil }
        while index < bytes.count, bytes[index] == space || bytes[index] == tab { index += 1 }
        // The `#` must follow a space or tab (else it is part of the text) and be followed by a non-space (else it
        // is written as a comment).
        guard index > end.offset, index + 1 < bytes.count, bytes[index] == hash, !isBlank(bytes[index + 1]) else { return nil }
        // `#procdef: ...` is a suppression, which procdef reads without the space: a comment, meant as one.
        guard !bytes[(index + 1)...].starts(with: Array("procdef:".utf8)) else { return nil }
        var lineEnd = index
        while lineEnd < bytes.count, bytes[lineEnd] != 0x0A, bytes[lineEnd] != 0x0D { lineEnd += 1 }
        let lost = String(decoding: bytes[index..<lineEnd], as: UTF8.self).trimmingTrailingBlanks()
        let kept = node.scalarText ?? ""
        let whole = kept + " " + lost
        let field = key == "procedure" ? "a step of `procedure`" : "`\(key)`"
        let position = SourcePosition(line: end.line, column: end.column + (index - end.offset), offset: index)
        var finding = diagnostic(
            file: file,
            range: SourceRange(start: position, end: SourcePosition(line: end.line, column: position.column + 1, offset: index + 1)),
            message: "the text of \(field) ends at '\(shortened(kept))': YAML reads '\(shortened(lost))' as a comment",
            help:
                "quote the whole text to keep the `#`: '\(whole.replacingOccurrences(of: "'", with: "''"))'; if it is a comment, put a space after the `#`"
        )
        if let fix = quoting(node, commentStart: index, lineEnd: lineEnd, bytes: bytes, file: file) { finding.fixes = [fix] }
        return finding
    }

    /// The text and what YAML took for a comment, as one double-quoted text: up to a later comment written as one
    /// (`# like this`, or a suppression, `# procdef: ...`), which stays a comment. Unsafe: the `#` may have been meant
    /// to start a comment after all. None for a text with an anchor or a tag, which a new text would drop.
    private static func quoting(_ node: Node, commentStart: Int, lineEnd: Int, bytes: [UInt8], file: String) -> Fix? {
        guard node.anchor == nil, node.tag == nil, let kept = node.scalarText else { return nil }
        var end = lineEnd
        var index = commentStart + 1
        while index < lineEnd {
            if bytes[index] == hash, bytes[index - 1] == space || bytes[index - 1] == tab, startsComment(at: index, lineEnd: lineEnd, bytes)
            {
                end = index
                break
            }
            index += 1
        }
        while end > commentStart, bytes[end - 1] == space || bytes[end - 1] == tab { end -= 1 }
        let start = node.range.end
        let tail = String(decoding: bytes[start.offset..<end], as: UTF8.self)
        let endPosition = SourcePosition(line: start.line, column: start.column + tail.unicodeScalars.count, offset: end)
        let comment = String(decoding: bytes[commentStart..<end], as: UTF8.self)
        return .replace(
            SourceRange(start: node.range.start, end: endPosition), in: file, with: YAMLEscaping.doubleQuoted(kept + tail),
            description: "Quote the text to keep '\(shortened(comment))' in it", applicability: .unsafe)
    }

    /// Whether the `#` at `index` starts what reads as a comment on purpose: a space after it, the end of the line, or
    /// an inline suppression.
    private static func startsComment(at index: Int, lineEnd: Int, _ bytes: [UInt8]) -> Bool {
        let next = index + 1
        guard next < lineEnd, !isBlank(bytes[next]) else { return true }
        return bytes[next..<lineEnd].starts(with: "procdef:".utf8)
    }

    /// Long texts are shown by their start: enough to find them on the line.
    private static func shortened(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(39)) + "…"
    }
}

extension String {
    fileprivate func trimmingTrailingBlanks() -> String {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}
