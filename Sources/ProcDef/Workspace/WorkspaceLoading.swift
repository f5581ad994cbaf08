import Foundation
import YAMLTree

extension Workspace {
    /// Reads every path (files, or folders walked recursively for `*.yaml`/`*.yml`), parses and decodes each file in
    /// parallel, then links roles and cross-file references. Only a missing path throws; all else is a diagnostic.
    package static func load(paths: [String], options: CheckOptions = CheckOptions()) throws(WorkspaceError) -> Workspace {
        var discovery = try FileDiscovery.discover(
            paths, currentDirectory: FileManager.default.currentDirectoryPath, excludes: options.excludes)
        if let standardInput = options.standardInput { discovery.replace(standardInput) }
        let loaded = readAndDecode(discovery.inputs, options: options)
        var workspace = WorkspaceLinker.link(sources: loaded.compactMap(\.source), decoded: loaded.map(\.decoded))
        workspace.diagnostics = WorkspaceLinker.unique((workspace.diagnostics + discovery.diagnostics).sorted(by: Diagnostic.precedes))
        workspace.isPartial = discovery.namesFiles
        return workspace
    }

    /// Decodes and links files already in memory, as if read from disk under their `path`s: for tests, editors and
    /// `procdef explain`, whose examples are checked without touching the file system.
    package static func load(files: [SourceFile], options: CheckOptions = CheckOptions()) -> Workspace {
        let texts = TextInterner()
        let decoded = files.parallelMap { DecodedFile(decoding: $0, options: options, texts: texts) }
        return WorkspaceLinker.link(sources: files, decoded: decoded)
    }

    /// The finding for a file over `max-file-size`, which is not parsed.
    static func tooLarge(_ file: String, size: Int, exact: Bool, limit: Int) -> Diagnostic {
        SafetyLimits.diagnostic(
            file: file, range: .fileStart,
            message: exact
                ? "file is \(YAMLReader.describeSize(size)), over the \(YAMLReader.describeSize(limit)) limit"
                : "file is over the \(YAMLReader.describeSize(limit)) limit",
            help: "split it into several files")
    }

    /// Every input read and decoded, one file a task. The table of texts lives only as long as this: it is not needed
    /// after decoding, and the linking that follows is when a check's memory peaks.
    /// `keepingBytes` keeps every file's content in memory, for the language server, which converts positions and
    /// applies edits on it.
    static func readAndDecode(_ inputs: [FileDiscovery.Input], options: CheckOptions, keepingBytes: Bool = false) -> [(
        source: SourceFile?, decoded: DecodedFile
    )] {
        let texts = TextInterner()
        return inputs.parallelMap { readAndDecode($0, options: options, texts: texts, keepingBytes: keepingBytes) }
    }

    private static func readAndDecode(_ input: FileDiscovery.Input, options: CheckOptions, texts: TextInterner, keepingBytes: Bool) -> (
        source: SourceFile?, decoded: DecodedFile
    ) {
        var failed = DecodedFile(file: input.displayPath)
        let limit = options.limits.maxFileSize
        if let bytes = input.replacement {
            // Text from standard input is kept for the snippets: there is no file to read it from again.
            let source = SourceFile(path: input.displayPath, bytes: bytes)
            return (source, DecodedFile(decoding: source, options: options, texts: texts))
        }
        switch FileSystem.read(input.path, limit: limit) {
        case .bytes(let bytes):
            let decoded = DecodedFile(decoding: SourceFile(path: input.displayPath, bytes: bytes), options: options, texts: texts)
            if keepingBytes { return (SourceFile(path: input.displayPath, bytes: bytes), decoded) }
            // Decoded, the bytes are needed only for snippets: dropped here, read again by the text renderer.
            return (SourceFile(path: input.displayPath, readFrom: input.path, bytes: bytes), decoded)
        case .tooLarge(let size, let exact):
            failed.diagnostics.append(tooLarge(input.displayPath, size: size, exact: exact, limit: limit))
        case .notRegular(let what):
            failed.diagnostics.append(
                UnreadableFile.diagnostic(
                    file: input.displayPath, range: .fileStart, message: "cannot read file: it is \(what), not a regular file"))
        case .failed(let failure):
            failed.diagnostics.append(
                UnreadableFile.diagnostic(file: input.displayPath, range: .fileStart, message: "cannot read file: \(failure.message)"))
        }
        return (nil, failed)
    }
}
