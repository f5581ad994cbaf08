import ProcDef

/// Reads a checked file's content again for its snippets: `SourceFile.currentBytes()`, which gives nil for a file
/// that changed or vanished since it was checked.
typealias SourceReader = @Sendable (SourceFile) -> [UInt8]?

/// The files of one report, for its snippets: each read and indexed by line when a diagnostic first points into it,
/// then reused for every other diagnostic in it, and dropped with the report. The workspace keeps no file bytes (a
/// large repository would be held twice), and a file that no diagnostic points into is never read.
struct SnippetSources {
    private let sourcesByPath: [String: SourceFile]
    private let read: SourceReader
    /// nil for a file known to have no lines to show.
    private var indexed: [String: SnippetSource?] = [:]

    init(_ sources: [SourceFile], read: @escaping SourceReader) {
        var sourcesByPath: [String: SourceFile] = [:]
        for source in sources { sourcesByPath[source.path] = source }
        self.sourcesByPath = sourcesByPath
        self.read = read
    }

    /// The lines of the file at `path`, read now if this is the first time; nil for a file not among the sources or
    /// no longer as it was checked.
    mutating func file(_ path: String) -> SnippetSource? {
        if let known = indexed[path] { return known }
        guard let source = sourcesByPath[path] else { return nil }
        let made = read(source).map(SnippetSource.init)
        indexed[path] = .some(made)
        return made
    }
}

/// One file's lines as snippets show them: decoded into Unicode scalars, which the caret columns count.
final class SnippetSource {
    private let lines: SourceLines
    /// Git's heuristic: a NUL byte in the first 8000 bytes means binary. Echoing such lines helps nobody.
    let isBinary: Bool
    /// The last line decoded. Diagnostics arrive sorted, so many findings on one huge line (a minified file of
    /// several megabytes) decode it once, not once each.
    private var cached: (number: Int, scalars: [Unicode.Scalar])?

    init(_ bytes: [UInt8]) {
        lines = SourceLines(bytes)
        isBinary = bytes.prefix(8000).contains(0)
    }

    /// The Unicode scalars of 1-based line `number` without its line break; nil when there is no such line.
    func scalars(ofLine number: Int) -> [Unicode.Scalar]? {
        if let cached, cached.number == number { return cached.scalars }
        guard let text = lines.line(number) else { return nil }
        let scalars = Array(text.unicodeScalars)
        cached = (number, scalars)
        return scalars
    }
}
