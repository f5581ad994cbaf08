/// One input file: the path shown to users and its content, for source snippets.
///
/// A file made from bytes (tests, `procdef explain`, a git revision) holds them. A file that `Workspace.load(paths:)`
/// read from disk does not: its content is as large as the repository, and once it is decoded (inline suppressions
/// included) only the snippets of findings need it, so it is read again then (once per report, see `lines()`), and
/// used only if it is still the same.
public struct SourceFile: Sendable {
    /// Relative to the current directory when below it, always with `/`.
    public var path: String
    /// The content held in memory; empty for a file read from disk, which is read again by `currentBytes()`.
    public var bytes: [UInt8]
    private var disk: DiskContent?

    /// Where a file's content was read from, and what it was: enough to tell whether reading it again gives the same.
    private struct DiskContent: Sendable {
        var path: String
        var size: Int
        var fingerprint: UInt64
    }

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// A file read from `diskPath` whose `bytes` are not kept, only their size and fingerprint.
    init(path: String, readFrom diskPath: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = []
        disk = DiskContent(path: diskPath, size: bytes.count, fingerprint: Self.fingerprint(bytes))
    }

    /// The file on disk it was read from; nil for one made from bytes.
    package var diskPath: String? { disk?.path }

    /// The content as it was when checked: the bytes held, or for a file read from disk, the file read again. nil when
    /// the file changed since (another size or fingerprint), vanished or cannot be read: a snippet of other text
    /// would point at the wrong place.
    public func currentBytes() -> [UInt8]? {
        guard let disk else { return bytes }
        guard case .bytes(let reread) = FileSystem.read(disk.path, limit: disk.size),
            reread.count == disk.size, Self.fingerprint(reread) == disk.fingerprint
        else { return nil }
        return reread
    }

    /// The content as it was when checked (`currentBytes()`), indexed by line: read once for as many lines as a report
    /// needs. nil when the content is no longer at hand.
    package func lines() -> SourceLines? {
        currentBytes().map(SourceLines.init)
    }

    static func fingerprint(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { ContentHash.hash($0) }
    }
}
