import LanguageServerProtocol

/// libFuzzer's entry point for the language server's protocol layer: built only by `Fuzz/run.sh SECONDS
/// procdef-lsp-fuzz` (`--sanitize=fuzzer` links libFuzzer's own `main`).
///
/// The input is a byte stream as a client would send it. Its first byte picks the size of the reads it is fed in, so
/// the same frames are also cut at other places; every frame is decoded as a message, the params of the methods the
/// server reads are decoded into their types and applied, and the raw bytes go through the position conversions.
/// A trap, or a broken invariant (each checked with `fuzzCheck`), is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func procdefLSPFuzzOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
    fuzzStream(bytes)
    fuzzLineIndex(bytes)
    return 0
}

/// Stops the fuzzer on a broken invariant, naming it.
private func fuzzCheck(_ condition: Bool, _ invariant: @autoclosure () -> String) {
    if !condition { fatalError("invariant broken: \(invariant())") }
}

private func fuzzStream(_ bytes: [UInt8]) {
    let readSizes = [1, 2, 3, 7, 16, 64, 1024, Int.max]
    let readSize = readSizes[Int(bytes.first ?? 0) % readSizes.count]
    // A small body limit, so the fuzzer reaches the over-the-limit path with inputs of a few bytes.
    var framer = MessageFramer(maximumBodyLength: 4096)
    var document = TextDocument(uri: "file:///fuzz.yaml", version: 0, text: "id: x\nsteps:\n  - é😀\r\n  - 中\n")
    var offset = 0
    var calls = 0
    while offset < bytes.count {
        let end = bytes.count - offset > readSize ? offset + readSize : bytes.count
        framer.append(bytes[offset..<end])
        offset = end
        while true {
            calls += 1
            // Every call either hands out a frame or drops at least one byte, so this many calls means a loop.
            fuzzCheck(calls <= 2 * bytes.count + 2, "nextFrame() keeps returning without consuming input")
            do {
                guard let frame = try framer.nextFrame() else { break }
                fuzzCheck(frame.count <= 4096, "a frame over the body limit")
                fuzzMessage(frame, document: &document)
            } catch {
                _ = error.description
            }
        }
    }
}

private func fuzzMessage(_ frame: [UInt8], document: inout TextDocument) {
    let message: Message
    do {
        message = try Message.decode(from: frame)
    } catch {
        _ = error.response.encoded()
        return
    }
    let encoded = message.encoded()
    fuzzCheck((try? Message.decode(from: encoded)) == message, "a message does not survive encoding and decoding")
    fuzzCheck(MessageFramer.frame(encoded).count > encoded.count, "framing lost bytes")
    switch message {
    case .request(_, let method, let params), .notification(let method, let params):
        fuzzParams(method: method, params: params, document: &document)
    case .response:
        return
    }
}

private func fuzzParams(method: String, params: JSONValue?, document: inout TextDocument) {
    guard let params else { return }
    switch method {
    case "initialize":
        guard let initialize = try? params.decode(InitializeParams.self) else { return }
        let encoding = PositionEncoding.negotiate(clientOffers: initialize.capabilities.general?.positionEncodings)
        fuzzCheck(encoding == .utf8 || encoding == .utf16, "negotiated \(encoding)")
        _ = initialize.rootUri.flatMap(FileURI.path(fromURI:))
        _ = initialize.workspaceFolders?.map { FileURI.path(fromURI: $0.uri).map(FileURI.uri(fromPath:)) }
    case "textDocument/didOpen":
        guard let open = try? params.decode(DidOpenTextDocumentParams.self) else { return }
        // Only small documents replace the one being edited, so a long run does not slow down on a huge text.
        if open.textDocument.text.utf8.count <= 4096 { document = TextDocument(open.textDocument) }
        if let path = FileURI.path(fromURI: open.textDocument.uri) {
            fuzzCheck(FileURI.path(fromURI: FileURI.uri(fromPath: path)) == path, "the path \(path) does not survive a URI")
        }
    case "textDocument/didChange":
        guard let change = try? params.decode(DidChangeTextDocumentParams.self) else { return }
        for encoding in [PositionEncoding.utf16, .utf8] {
            var edited = document
            let before = edited.bytes
            do {
                try edited.apply(change.contentChanges, encoding: encoding)
                if edited.bytes.count <= 4096 { document = edited }
            } catch {
                fuzzCheck(edited.bytes == before, "a rejected change altered the document")
            }
        }
    case "textDocument/completion":
        guard let completion = try? params.decode(CompletionParams.self) else { return }
        let index = document.lineIndex
        for encoding in PositionEncoding.allCases {
            guard let offset = index.byteOffset(of: completion.position, encoding: encoding) else {
                fuzzCheck(
                    completion.position.line >= index.lineCount || completion.position.line < 0 || completion.position.character < 0,
                    "no offset for a position on a line of the document")
                continue
            }
            fuzzCheck(offset >= 0 && offset <= index.bytes.count, "an offset outside the document")
            fuzzCheck(
                index.position(ofByteOffset: offset, encoding: encoding).line == completion.position.line, "the position changed line")
        }
    default:
        return
    }
}

/// Converts offsets of the raw input (any bytes, invalid UTF-8 included) to positions and back in every encoding.
private func fuzzLineIndex(_ input: [UInt8]) {
    // Each conversion walks its line, so a long input is cut and sampled to keep every run fast.
    let bytes = Array(input.prefix(2048))
    let index = LineIndex(bytes)
    let stride = max(1, bytes.count / 128)
    for encoding in PositionEncoding.allCases {
        for offset in Swift.stride(from: 0, through: bytes.count, by: stride) {
            let position = index.position(ofByteOffset: offset, encoding: encoding)
            fuzzCheck(position.line < index.lineCount, "a position past the last line")
            guard let back = index.byteOffset(of: position, encoding: encoding) else {
                fuzzCheck(false, "no offset for the position of offset \(offset)")
                return
            }
            // Back to the start of the character the offset was in, or of the line end it was inside.
            fuzzCheck(back <= offset, "offset \(offset) came back as \(back) in \(encoding)")
            fuzzCheck(
                index.position(ofByteOffset: back, encoding: encoding) == position, "offset \(offset) changed position in \(encoding)")
        }
    }
}
