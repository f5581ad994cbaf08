import YAMLTree

/// Applies fixes to one file's bytes, keeping every byte no edit covers: comments, order, quoting and line ends stay
/// as they were.
public struct FixApplication: Sendable, Equatable {
    /// The file's bytes after the edits.
    public var bytes: [UInt8]
    /// The fixes applied, in the order given.
    public var applied: [Fix]
    /// The fixes left out because one of their edits overlaps an edit already taken, or does not fit the file.
    public var skipped: [Fix]

    /// Takes the fixes in order, each whole or not at all: a fix whose edits overlap an earlier fix's, or fall
    /// outside `original`, is skipped (a later run, after a re-check, may take it). Only the edits in `file` are
    /// applied; a fix with an edit in another file is skipped, since this applies one file.
    public init(_ fixes: [Fix], to original: [UInt8], file: String) {
        var taken: [(start: Int, end: Int, text: [UInt8])] = []
        var applied: [Fix] = []
        var skipped: [Fix] = []
        for fix in fixes {
            var edits: [(start: Int, end: Int, text: [UInt8])] = []
            var fits = !fix.edits.isEmpty
            for edit in fix.edits {
                let start = edit.range.start.offset
                let end = edit.range.end.offset
                guard edit.file == file, start >= 0, start <= end, end <= original.count else {
                    fits = false
                    break
                }
                edits.append((start, end, Array(edit.newText.utf8)))
            }
            // Two edits overlap when their ranges share a byte, when one inserts strictly inside the other's range,
            // or when both insert at one offset (their order would be a guess).
            func overlaps(_ a: (start: Int, end: Int, text: [UInt8]), _ b: (start: Int, end: Int, text: [UInt8])) -> Bool {
                if a.start == a.end && b.start == b.end { return a.start == b.start }
                return a.start < b.end && b.start < a.end
            }
            if fits {
                for (i, edit) in edits.enumerated() {
                    if taken.contains(where: { overlaps($0, edit) }) || edits[..<i].contains(where: { overlaps($0, edit) }) {
                        fits = false
                        break
                    }
                }
            }
            if fits {
                taken += edits
                applied.append(fix)
            } else {
                skipped.append(fix)
            }
        }
        var result = original
        // From the end of the file backwards, so each edit's offsets still hold when it is applied. An insertion where
        // a replacement starts goes after the replacement is made, or the replacement would take it away.
        for edit in taken.sorted(by: { ($0.start, $0.end) > ($1.start, $1.end) }) {
            result.replaceSubrange(edit.start..<edit.end, with: edit.text)
        }
        self.bytes = result
        self.applied = applied
        self.skipped = skipped
    }
}
