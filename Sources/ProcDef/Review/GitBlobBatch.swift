import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension GitRevision {
    /// One blob as `git cat-file --batch` gave it.
    enum Blob: Equatable {
        case bytes([UInt8])
        /// Over the size limit by the size git announced before the content: the content was read past, never kept.
        case tooLarge(size: Int)
    }

    static let batchCommand = "git cat-file --batch"

    /// The blobs of `entries`, in their order, from one `git cat-file --batch`: one process for the whole tree
    /// instead of one `git show` a file.
    ///
    /// The object ids go in on a socket fed from another thread while the answers are read here, blob by blob as
    /// they arrive. Each answer's header gives the size before the content, so a blob over `limit` is read past in
    /// buffer-sized chunks and never held. A git that dies mid-stream ends its output, and then the read, with an
    /// error; a reply that is not the one asked for stops git, since nothing after it can be trusted either.
    func readBlobs(_ entries: [Entry], limit: Int) throws(GitError) -> [Blob] {
        guard !entries.isEmpty else { return [] }
        let input: ChildInput
        switch ChildInput.make() {
        case .success(let made): input = made
        case .failure(let failure): throw .failed(command: Self.batchCommand, message: "cannot make its input: \(failure.message)")
        }
        // --buffer: the whole request list is written at once, so git need not flush after every object.
        let process = makeProcess(["cat-file", "--batch", "--buffer"])
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input.childEnd
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw .launchFailed(git, (error as NSError).localizedDescription)
        }
        input.childStarted()
        let child = ChildGroup(id: process.processIdentifier)

        let group = DispatchGroup()
        input.feed(Array(entries.map { $0.object + "\n" }.joined().utf8), group: group)
        let errorText = GitPipeContents()
        let errorDescriptor = errors.fileHandleForReading.fileDescriptor
        DispatchQueue.global().async(group: group) {
            errorText.set(Data(ChildOutput(descriptor: errorDescriptor, child: child).rest(keeping: 64 * 1024)))
        }

        let reader = ChildOutput(descriptor: output.fileHandleForReading.fileDescriptor, child: child)
        var blobs: [Blob] = []
        blobs.reserveCapacity(entries.count)
        var problem: BatchProblem?
        for entry in entries {
            switch Self.readBlob(entry, from: reader, limit: limit) {
            case .success(let blob): blobs.append(blob)
            case .failure(let failure): problem = failure
            }
            if problem != nil { break }
        }
        // After an answer that is not the one asked for, or output that cannot be read, nothing more can be trusted,
        // and git may be blocked writing answers nobody will read.
        if let problem, problem.stopsGit || reader.failure != nil {
            child.kill()
        }
        // Nothing more is read: whatever still writes to the pipe fails instead of blocking. Then git, its answers
        // all given or its output ended, has only to exit; anything it left running would hold the pipes open.
        try? output.fileHandleForReading.close()
        if !child.waitForExit(seconds: 10) { child.kill() }
        child.killLeftovers()
        group.wait()
        let termination = child.termination(of: process)
        try? errors.fileHandleForReading.close()

        let stderr = String(decoding: errorText.get(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if let problem {
            var message = problem.description
            if let code = reader.failure { message += ": \(String(cString: strerror(code)))" }
            if !problem.stopsGit { message += stderr.isEmpty ? " (git \(termination))" : " (\(stderr))" }
            throw .failed(command: Self.batchCommand, message: message)
        }
        guard termination.succeeded else {
            throw .failed(command: Self.batchCommand, message: stderr.isEmpty ? "git \(termination)" : stderr)
        }
        return blobs
    }

    /// Why the answers of `git cat-file --batch` stopped making sense, naming the file being read.
    enum BatchProblem: Error, CustomStringConvertible {
        case endedBefore(String)
        case endedInside(String)
        case missing(String, object: String)
        case unexpected(String, reply: String)

        var description: String {
            switch self {
            case .endedBefore(let path): "its output ended before '\(path)'"
            case .endedInside(let path): "its output ended in the middle of '\(path)'"
            case .missing(let path, let object): "'\(path)' is missing from the repository (object \(object))"
            case .unexpected(let path, let reply): "unexpected reply for '\(path)': '\(reply)'"
            }
        }

        /// Whether procdef stops git rather than letting it end: its output is well formed but not what was asked.
        var stopsGit: Bool {
            switch self {
            case .endedBefore, .endedInside: false
            case .missing, .unexpected: true
            }
        }
    }

    /// The answer to one request: `<object> SP blob SP <size> LF <content> LF`, or `<object> SP missing LF`.
    static func readBlob(_ entry: Entry, from reader: ChildOutput, limit: Int) -> Result<Blob, BatchProblem> {
        // Object ids are 40 or 64 hex digits and sizes under 20 digits: a longer header is not an answer.
        let longest = 200
        guard let header = reader.line(maxLength: longest) else { return .failure(.endedBefore(entry.path)) }
        guard header.count <= longest else {
            return .failure(.unexpected(entry.path, reply: String(decoding: header.prefix(longest), as: UTF8.self) + "…"))
        }
        let text = String(decoding: header, as: UTF8.self)
        let fields = text.split(separator: " ", omittingEmptySubsequences: false)
        if fields.count == 2, fields[0] == entry.object, fields[1] == "missing" {
            return .failure(.missing(entry.path, object: entry.object))
        }
        guard fields.count == 3, fields[0] == entry.object, fields[1] == "blob",
            let size = Int(fields[2]), size >= 0
        else {
            return .failure(.unexpected(entry.path, reply: text))
        }
        let blob: Blob
        if size > limit {
            guard reader.skip(size) else { return .failure(.endedInside(entry.path)) }
            blob = .tooLarge(size: size)
        } else {
            guard let bytes = reader.bytes(size) else { return .failure(.endedInside(entry.path)) }
            blob = .bytes(bytes)
        }
        guard let end = reader.bytes(1) else { return .failure(.endedInside(entry.path)) }
        guard end == [UInt8(ascii: "\n")] else { return .failure(.unexpected(entry.path, reply: text)) }
        return .success(blob)
    }
}
