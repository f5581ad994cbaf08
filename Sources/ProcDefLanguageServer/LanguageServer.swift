import Foundation
import LanguageServerProtocol
import ProcDef
import ProcDefOutput

/// `procdef lsp`: the Language Server Protocol over a byte stream (standard input and output).
///
/// One thread reads, decodes and handles messages in the order they come. The messages that arrived together are
/// handled as a batch: their edits are applied one after another, the workspace is checked once after them (or
/// before a request that reads the findings), and a `$/cancelRequest` in the batch cancels a request of the same
/// batch before it is handled. So a request is always answered from the latest text, and typing fast costs one
/// check, not one per keystroke.
package final class LanguageServer {
    /// Where messages are written: standard output in production, a buffer in tests.
    private let send: ([UInt8]) -> Void
    private var framer = MessageFramer()
    private(set) var state = State.starting
    private var workspace: ServerWorkspace?
    private var encoding = PositionEncoding.utf16
    private var cancelled: Set<RequestID> = []
    private var nextRequestID = 1
    private var clientWatchesFiles = false
    private var registeredFileWatching = false
    /// Documents whose last change could not be applied: their later range changes would land on the wrong text,
    /// so only a change with the whole text is taken, until one comes.
    private var outOfStep: Set<String> = []

    enum State: Equatable {
        case starting, running, shuttingDown
        case exited(code: Int32)
    }

    package init(send: @escaping ([UInt8]) -> Void) {
        self.send = send
    }

    /// Reads `input` until it ends or the client says `exit`; returns the process's exit code (0 after
    /// `shutdown`, 1 otherwise, as the protocol asks).
    package static func serve(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) -> Int32 {
        let writer = OutputStream(descriptor: output)
        let server = LanguageServer(send: writer.write)
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            server.receive(buffer[0..<count])
            if case .exited(let code) = server.state { return code }
        }
        return server.state == .shuttingDown ? 0 : 1
    }

    /// Takes bytes as they arrive, handles every whole message among them, then checks if anything changed.
    package func receive(_ bytes: some Collection<UInt8>) {
        framer.append(bytes)
        var batch: [Message] = []
        while true {
            do {
                guard let frame = try framer.nextFrame() else { break }
                do {
                    batch.append(try Message.decode(from: frame))
                } catch {
                    reject(error)
                }
            } catch {
                logMessage(.error, "procdef: a message could not be read and was skipped: \(error.description)")
            }
        }
        for message in batch {
            if case .notification("$/cancelRequest", let params) = message, let id = params?["id"].flatMap(RequestID.init) {
                cancelled.insert(id)
            }
        }
        for message in batch {
            if case .exited = state { return }
            handle(message)
        }
        cancelled.removeAll()
        publishIfNeeded()
    }

    /// A message that is not JSON-RPC: answered when it has an id, else logged.
    private func reject(_ error: MessageError) {
        switch error {
        case .parseError(let reason):
            logMessage(.error, "procdef: a message is not JSON (\(reason)) and was skipped")
            write(.response(id: nil, result: nil, error: ResponseError(code: ResponseError.parseError, message: reason)))
        case .invalidRequest(let id, let reason):
            logMessage(.error, "procdef: a message is not a JSON-RPC message (\(reason)) and was skipped")
            if let id { write(.response(id: id, result: nil, error: ResponseError(code: ResponseError.invalidRequest, message: reason))) }
        }
    }

    // MARK: Dispatch

    private func handle(_ message: Message) {
        switch message {
        case .request(let id, let method, let params):
            if cancelled.contains(id) {
                write(.response(id: id, result: nil, error: ResponseError(code: ResponseError.requestCancelled, message: "cancelled")))
                return
            }
            let outcome: Result<JSONValue, ResponseError>
            do {
                outcome = .success(try answer(method, params))
            } catch let error as ResponseError {
                outcome = .failure(error)
            } catch {
                outcome = .failure(ResponseError(code: ResponseError.invalidParams, message: "invalid params for \(method): \(error)"))
            }
            switch outcome {
            case .success(let result): write(.response(id: id, result: result, error: nil))
            case .failure(let error): write(.response(id: id, result: nil, error: error))
            }
        case .notification(let method, let params):
            do {
                try notice(method, params)
            } catch {
                logMessage(.error, "procdef: \(method) was ignored: \(error)")
            }
        case .response:
            // The client's answers to our requests (registerCapability) need nothing more.
            break
        }
    }

    private func answer(_ method: String, _ params: JSONValue?) throws -> JSONValue {
        switch (state, method) {
        case (.starting, "initialize"):
            return try JSONValue(encoding: initialize(try decode(params)))
        case (.starting, _):
            throw ResponseError(code: ResponseError.serverNotInitialized, message: "the server is not initialized")
        case (.running, "initialize"):
            throw ResponseError(code: ResponseError.invalidRequest, message: "the server is already initialized")
        case (_, "shutdown"):
            state = .shuttingDown
            return .null
        case (.shuttingDown, _):
            throw ResponseError(code: ResponseError.invalidRequest, message: "the server is shutting down")
        default:
            break
        }
        guard let workspace else { throw ResponseError(code: ResponseError.internalError, message: "no workspace") }
        publishIfNeeded()
        let features = Features(workspace: workspace, encoding: encoding)
        switch method {
        case "textDocument/hover":
            return try encodeOrNull(features.hover(try decode(params)))
        case "textDocument/definition":
            return try JSONValue(encoding: features.definition(try decode(params)))
        case "textDocument/references":
            return try JSONValue(encoding: features.references(try decode(params)))
        case "textDocument/completion":
            return try JSONValue(encoding: features.completion(try decode(params)))
        case "textDocument/codeAction":
            return try JSONValue(encoding: features.codeActions(try decode(params)))
        case "textDocument/documentSymbol":
            return try JSONValue(encoding: features.documentSymbols(try decode(params)))
        case "textDocument/prepareRename":
            return try encodeOrNull(features.prepareRename(try decode(params)))
        case "textDocument/rename":
            return try JSONValue(encoding: features.rename(try decode(params)))
        default:
            throw ResponseError(code: ResponseError.methodNotFound, message: "unknown method \(method)")
        }
    }

    private func notice(_ method: String, _ params: JSONValue?) throws {
        switch method {
        case "exit":
            state = .exited(code: state == .shuttingDown ? 0 : 1)
            return
        case "initialized":
            if !registeredFileWatching { registerFileWatching() }
            return
        case "$/cancelRequest", "$/setTrace":
            return
        default:
            break
        }
        guard state == .running, let workspace else { return }
        switch method {
        case "textDocument/didOpen":
            let params: DidOpenTextDocumentParams = try decode(params)
            guard let path = workspace.path(of: params.textDocument.uri) else { return }
            outOfStep.remove(path)
            workspace.open(TextDocument(params.textDocument), at: path)
        case "textDocument/didChange":
            let params: DidChangeTextDocumentParams = try decode(params)
            guard let path = workspace.path(of: params.textDocument.uri), var document = workspace.documents[path] else { return }
            var changes = params.contentChanges
            if outOfStep.contains(path) {
                guard let whole = changes.lastIndex(where: { $0.range == nil }) else {
                    logMessage(
                        .warning,
                        "procdef: a change to \(path) was skipped: waiting for the whole text after a change that could not be applied")
                    return
                }
                changes = Array(changes[whole...])
            }
            do {
                try document.apply(changes, encoding: encoding)
                document.version = params.textDocument.version
                outOfStep.remove(path)
                workspace.changed(document, at: path)
            } catch {
                // Keeping the last good text is all that is left: the client's copy and ours differ until it sends
                // the whole text again.
                outOfStep.insert(path)
                logMessage(
                    .error,
                    "procdef: a change to \(path) was not applied (\(error.description)); the last good text is kept until the whole text is sent"
                )
            }
        case "textDocument/didSave":
            let params: DidSaveTextDocumentParams = try decode(params)
            guard let path = workspace.path(of: params.textDocument.uri) else { return }
            workspace.saved(path)
        case "textDocument/didClose":
            let params: DidCloseTextDocumentParams = try decode(params)
            guard let path = workspace.path(of: params.textDocument.uri) else { return }
            workspace.closed(path)
        case "workspace/didChangeWatchedFiles":
            let params: DidChangeWatchedFilesParams = try decode(params)
            workspace.filesChanged(params.changes.compactMap { change in workspace.path(of: change.uri).map { ($0, change.type) } })
        default:
            // Notifications the server does not know are ignored, as the protocol asks; `$/` ones included.
            break
        }
    }

    // MARK: Lifecycle

    private func initialize(_ params: InitializeParams) -> InitializeResult {
        encoding = PositionEncoding.negotiate(clientOffers: params.capabilities.general?.positionEncodings)
        clientWatchesFiles = params.capabilities.raw["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"] == .bool(true)
        let root =
            params.workspaceFolders?.first.flatMap { FileURI.path(fromURI: $0.uri) }
            ?? params.rootUri.flatMap(FileURI.path(fromURI:)) ?? params.rootPath ?? FileManager.default.currentDirectoryPath
        if (params.workspaceFolders?.count ?? 0) > 1 {
            logMessage(.warning, "procdef: several workspace folders were given; procdef checks the first, \(root)")
        }
        // Findings show paths relative to the current directory, as `procdef check` run in the root does.
        if !FileManager.default.changeCurrentDirectoryPath(root) {
            logMessage(.error, "procdef: cannot enter the workspace folder \(root)")
        }
        workspace = ServerWorkspace(root: DisplayPath.absolute(root, currentDirectory: FileManager.default.currentDirectoryPath)) {
            [weak self] type, message in
            self?.logMessage(type, message)
            if type == .error { self?.showMessage(type, message) }
        }
        state = .running
        return InitializeResult(
            capabilities: ServerCapabilities(
                positionEncoding: encoding,
                textDocumentSync: TextDocumentSyncOptions(openClose: true, change: .incremental, save: SaveOptions(includeText: false)),
                hoverProvider: true, definitionProvider: true, referencesProvider: true,
                completionProvider: CompletionOptions(triggerCharacters: [":", " ", "-", "[", ","], resolveProvider: false),
                codeActionProvider: CodeActionOptions(codeActionKinds: ["quickfix"]),
                documentSymbolProvider: true, renameProvider: RenameOptions(prepareProvider: true),
                workspace: WorkspaceServerCapabilities(
                    workspaceFolders: WorkspaceFoldersServerCapabilities(supported: true, changeNotifications: false))),
            serverInfo: ServerInfo(name: "procdef", version: ProcdefVersion.current))
    }

    /// Asks the client to tell us about definition files changed outside the editor, when it can.
    private func registerFileWatching() {
        guard clientWatchesFiles else { return }
        let options = DidChangeWatchedFilesRegistrationOptions(watchers: [
            FileSystemWatcher(globPattern: "**/*.{yaml,yml}"), FileSystemWatcher(globPattern: "**/\(Baseline.defaultFileName)"),
        ])
        guard let registerOptions = try? JSONValue(encoding: options),
            let params = try? JSONValue(
                encoding: RegistrationParams(registrations: [
                    Registration(id: "procdef-watched-files", method: "workspace/didChangeWatchedFiles", registerOptions: registerOptions)
                ]))
        else { return }
        registeredFileWatching = true
        write(.request(id: .int(nextRequestID), method: "client/registerCapability", params: params))
        nextRequestID += 1
    }

    // MARK: Output

    private func publishIfNeeded() {
        guard state == .running, let workspace else { return }
        let changes = workspace.checkIfNeeded()
        let converter = DiagnosticConverter(workspace: workspace, encoding: encoding)
        for change in changes {
            let params = PublishDiagnosticsParams(
                uri: workspace.uri(of: change.path),
                version: workspace.isCheckedAsTyped(change.path) ? workspace.documents[change.path]?.version : nil,
                diagnostics: change.diagnostics.map { converter.convert($0) })
            guard let json = try? JSONValue(encoding: params) else { continue }
            write(.notification(method: "textDocument/publishDiagnostics", params: json))
        }
    }

    private func showMessage(_ type: MessageType, _ message: String) {
        guard let params = try? JSONValue(encoding: ShowMessageParams(type: type, message: message)) else { return }
        write(.notification(method: "window/showMessage", params: params))
    }

    private func logMessage(_ type: MessageType, _ message: String) {
        guard let params = try? JSONValue(encoding: LogMessageParams(type: type, message: message)) else { return }
        write(.notification(method: "window/logMessage", params: params))
    }

    private func write(_ message: Message) {
        send(MessageFramer.frame(message.encoded()))
    }

    private func decode<T: Decodable>(_ params: JSONValue?) throws -> T {
        do {
            return try (params ?? .null).decode(T.self)
        } catch {
            throw ResponseError(code: ResponseError.invalidParams, message: "invalid params: \(error)")
        }
    }

    private func encodeOrNull(_ value: (some Encodable)?) throws -> JSONValue {
        guard let value else { return .null }
        return try JSONValue(encoding: value)
    }
}

/// Writes whole frames to a file descriptor, retrying short writes.
private final class OutputStream: @unchecked Sendable {
    private let descriptor: Int32
    private let lock = NSLock()

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    func write(_ bytes: [UInt8]) {
        lock.lock()
        defer { lock.unlock() }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return }
            written += count
        }
    }
}

/// The protocol's JSON, not the schema writer's.
typealias JSONValue = LanguageServerProtocol.JSONValue
