import Foundation
import LanguageServerProtocol
import XCTest

final class ProtocolTypesTests: XCTestCase {
    /// The JSON `JSONEncoder` writes for a value, keys sorted: what synthesized `Codable` really sends.
    private func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    private let range = Range(start: Position(line: 0, character: 0), end: Position(line: 0, character: 4))
    private let rangeJSON = #"{"end":{"character":4,"line":0},"start":{"character":0,"line":0}}"#

    func testADiagnosticLeavesOutEveryAbsentFieldRatherThanWritingNull() throws {
        XCTAssertEqual(try json(Diagnostic(range: range, message: "m")), #"{"message":"m","range":\#(rangeJSON)}"#)
        XCTAssertEqual(
            String(decoding: try JSONValue(encoding: Diagnostic(range: range, message: "m")).serialized(), as: UTF8.self),
            #"{"message":"m","range":\#(rangeJSON)}"#)
    }

    func testADiagnosticWithEveryField() throws {
        let diagnostic = Diagnostic(
            range: range, severity: .warning, code: "schema/unknown-key",
            codeDescription: CodeDescription(href: "https://example.com/rules#k"),
            source: "procdef", message: "unknown key",
            relatedInformation: [
                DiagnosticRelatedInformation(location: Location(uri: "file:///r.yaml", range: range), message: "declared here")
            ],
            data: ["fix": 1])
        XCTAssertEqual(
            try json(diagnostic),
            #"{"code":"schema/unknown-key","codeDescription":{"href":"https://example.com/rules#k"},"data":{"fix":1},"message":"unknown key","#
                + #""range":\#(rangeJSON),"relatedInformation":[{"location":{"range":\#(rangeJSON),"uri":"file:///r.yaml"},"message":"declared here"}],"#
                + #""severity":2,"source":"procdef"}"#)
        XCTAssertEqual(try decode(Diagnostic.self, try json(diagnostic)), diagnostic)
    }

    func testADiagnosticFromAnotherServerWithAnIntegerCodeStillDecodes() throws {
        let diagnostic = try decode(Diagnostic.self, #"{"range":\#(rangeJSON),"message":"m","code":42,"tags":[1],"severity":1}"#)
        XCTAssertEqual(diagnostic, Diagnostic(range: range, severity: .error, code: "42", message: "m"))
    }

    func testPublishDiagnosticsWithoutAVersion() throws {
        XCTAssertEqual(
            try json(PublishDiagnosticsParams(uri: "file:///a.yaml", diagnostics: [])), #"{"diagnostics":[],"uri":"file:///a.yaml"}"#)
        XCTAssertEqual(
            try json(PublishDiagnosticsParams(uri: "file:///a.yaml", version: 3, diagnostics: [])),
            #"{"diagnostics":[],"uri":"file:///a.yaml","version":3}"#)
    }

    func testInitializeParamsKeepTheWholeCapabilitiesAndReadThePositionEncodings() throws {
        let params = try decode(
            InitializeParams.self,
            #"""
            {"processId":null,"clientInfo":{"name":"Visual Studio Code","version":"1.99.0"},"locale":"en","rootPath":"/w","rootUri":"file:///w",
             "capabilities":{"general":{"positionEncodings":["utf-16","utf-8"]},
                             "workspace":{"didChangeWatchedFiles":{"dynamicRegistration":true}}},
             "initializationOptions":{"today":"2026-12-01"},"trace":"off",
             "workspaceFolders":[{"uri":"file:///w","name":"w"}]}
            """#)
        XCTAssertEqual(params.processId, nil)
        XCTAssertEqual(params.clientInfo, ClientInfo(name: "Visual Studio Code", version: "1.99.0"))
        XCTAssertEqual(params.rootPath, "/w")
        XCTAssertEqual(params.rootUri, "file:///w")
        XCTAssertEqual(params.workspaceFolders, [WorkspaceFolder(uri: "file:///w", name: "w")])
        XCTAssertEqual(params.initializationOptions, ["today": "2026-12-01"])
        XCTAssertEqual(params.capabilities.general?.positionEncodings, ["utf-16", "utf-8"])
        XCTAssertEqual(PositionEncoding.negotiate(clientOffers: params.capabilities.general?.positionEncodings), .utf8)
        XCTAssertEqual(params.capabilities.raw["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"], true)
        XCTAssertEqual(
            try json(params.capabilities),
            #"{"general":{"positionEncodings":["utf-16","utf-8"]},"workspace":{"didChangeWatchedFiles":{"dynamicRegistration":true}}}"#)
    }

    func testAMinimalInitializeAndOddCapabilitiesOfferOnlyUTF16() throws {
        let minimal = try decode(InitializeParams.self, #"{"processId":12}"#)
        XCTAssertEqual(minimal.processId, 12)
        XCTAssertEqual(minimal.capabilities.raw, [:])
        XCTAssertEqual(minimal.capabilities.general, nil)
        let odd = try decode(InitializeParams.self, #"{"processId":1,"capabilities":{"general":{"positionEncodings":"utf-8"}}}"#)
        XCTAssertEqual(odd.capabilities.general, nil)
        XCTAssertEqual(PositionEncoding.negotiate(clientOffers: odd.capabilities.general?.positionEncodings), .utf16)
    }

    func testTheServerCapabilitiesAsTheServerAnnouncesThem() throws {
        let result = InitializeResult(
            capabilities: ServerCapabilities(
                positionEncoding: .utf8,
                textDocumentSync: TextDocumentSyncOptions(openClose: true, change: .incremental, save: SaveOptions(includeText: false)),
                hoverProvider: true, definitionProvider: true, referencesProvider: true,
                completionProvider: CompletionOptions(triggerCharacters: [":", " "], resolveProvider: false),
                codeActionProvider: CodeActionOptions(codeActionKinds: [CodeActionKind.quickFix]), documentSymbolProvider: true,
                renameProvider: RenameOptions(prepareProvider: true),
                workspace: WorkspaceServerCapabilities(
                    workspaceFolders: WorkspaceFoldersServerCapabilities(supported: true, changeNotifications: true))),
            serverInfo: ServerInfo(name: "procdef", version: "1.0"))
        XCTAssertEqual(
            try json(result),
            #"{"capabilities":{"codeActionProvider":{"codeActionKinds":["quickfix"]},"completionProvider":{"resolveProvider":false,"triggerCharacters":[":"," "]},"#
                + #""definitionProvider":true,"documentSymbolProvider":true,"hoverProvider":true,"positionEncoding":"utf-8","referencesProvider":true,"#
                + #""renameProvider":{"prepareProvider":true},"textDocumentSync":{"change":2,"openClose":true,"save":{"includeText":false}},"#
                + #""workspace":{"workspaceFolders":{"changeNotifications":true,"supported":true}}},"serverInfo":{"name":"procdef","version":"1.0"}}"#
        )
        XCTAssertEqual(try json(ServerCapabilities()), "{}")
    }

    func testDidChangeReadsRangesAndIgnoresRangeLength() throws {
        let params = try decode(
            DidChangeTextDocumentParams.self,
            #"""
            {"textDocument":{"uri":"file:///a.yaml","version":5},
             "contentChanges":[{"range":{"start":{"line":1,"character":2},"end":{"line":1,"character":3}},"rangeLength":1,"text":"x"},{"text":"all"}]}
            """#)
        XCTAssertEqual(params.textDocument, VersionedTextDocumentIdentifier(uri: "file:///a.yaml", version: 5))
        XCTAssertEqual(
            params.contentChanges,
            [
                TextDocumentContentChangeEvent(
                    range: Range(start: Position(line: 1, character: 2), end: Position(line: 1, character: 3)), text: "x"),
                TextDocumentContentChangeEvent(text: "all"),
            ])
    }

    func testDocumentNotificationsDecode() throws {
        XCTAssertEqual(
            try decode(
                DidOpenTextDocumentParams.self, #"{"textDocument":{"uri":"file:///a","languageId":"yaml","version":1,"text":"k: v"}}"#),
            DidOpenTextDocumentParams(textDocument: TextDocumentItem(uri: "file:///a", languageId: "yaml", version: 1, text: "k: v")))
        XCTAssertEqual(
            try decode(DidSaveTextDocumentParams.self, #"{"textDocument":{"uri":"file:///a"}}"#),
            DidSaveTextDocumentParams(textDocument: TextDocumentIdentifier(uri: "file:///a")))
        XCTAssertEqual(try decode(DidSaveTextDocumentParams.self, #"{"textDocument":{"uri":"file:///a"},"text":"t"}"#).text, "t")
        XCTAssertEqual(
            try decode(DidCloseTextDocumentParams.self, #"{"textDocument":{"uri":"file:///a"}}"#).textDocument.uri, "file:///a")
        XCTAssertEqual(
            try decode(DidChangeWatchedFilesParams.self, #"{"changes":[{"uri":"file:///a","type":1},{"uri":"file:///b","type":3}]}"#)
                .changes,
            [FileEvent(uri: "file:///a", type: .created), FileEvent(uri: "file:///b", type: .deleted)])
        XCTAssertThrowsError(try decode(DidChangeWatchedFilesParams.self, #"{"changes":[{"uri":"file:///a","type":9}]}"#))
    }

    func testRequestParamsDecode() throws {
        let position = #""textDocument":{"uri":"file:///a"},"position":{"line":3,"character":1}"#
        XCTAssertEqual(
            try decode(CompletionParams.self, "{\(position),\"context\":{\"triggerKind\":2,\"triggerCharacter\":\":\"}}"),
            CompletionParams(
                textDocument: TextDocumentIdentifier(uri: "file:///a"), position: Position(line: 3, character: 1),
                context: CompletionContext(triggerKind: 2, triggerCharacter: ":")))
        XCTAssertEqual(try decode(HoverParams.self, "{\(position)}").position, Position(line: 3, character: 1))
        XCTAssertEqual(
            try decode(ReferenceParams.self, "{\(position),\"context\":{\"includeDeclaration\":true}}").context.includeDeclaration, true)
        XCTAssertEqual(try decode(RenameParams.self, "{\(position),\"newName\":\"triage\"}").newName, "triage")
        XCTAssertEqual(try decode(DocumentSymbolParams.self, #"{"textDocument":{"uri":"file:///a"}}"#).textDocument.uri, "file:///a")
        let codeAction = try decode(
            CodeActionParams.self,
            #"{"textDocument":{"uri":"file:///a"},"range":\#(rangeJSON),"context":{"diagnostics":[{"range":\#(rangeJSON),"message":"m","code":"c"}],"only":["quickfix"],"triggerKind":1}}"#
        )
        XCTAssertEqual(
            codeAction.context, CodeActionContext(diagnostics: [Diagnostic(range: range, code: "c", message: "m")], only: ["quickfix"]))
        XCTAssertEqual(try decode(CancelParams.self, #"{"id":"a"}"#), CancelParams(id: .string("a")))
        XCTAssertEqual(try decode(CancelParams.self, #"{"id":12}"#), CancelParams(id: .int(12)))
    }

    func testResultsEncode() throws {
        let edit = TextEdit(range: range, newText: "role")
        XCTAssertEqual(
            try json(
                CompletionList(
                    isIncomplete: false,
                    items: [
                        CompletionItem(
                            label: "responsible", kind: .property, detail: "key", documentation: .markdown("**who**"),
                            insertText: "responsible: ",
                            textEdit: edit, sortText: "a", filterText: "resp")
                    ])),
            #"{"isIncomplete":false,"items":[{"detail":"key","documentation":{"kind":"markdown","value":"**who**"},"filterText":"resp","#
                + #""insertText":"responsible: ","kind":10,"label":"responsible","sortText":"a","textEdit":{"newText":"role","range":\#(rangeJSON)}}]}"#
        )
        XCTAssertEqual(try json(CompletionItem(label: "x")), #"{"label":"x"}"#)
        XCTAssertEqual(
            try json(Hover(contents: .plaintext("p"), range: range)),
            #"{"contents":{"kind":"plaintext","value":"p"},"range":\#(rangeJSON)}"#)
        XCTAssertEqual(
            try json(
                CodeAction(
                    title: "Rename to 'responsible'", kind: CodeActionKind.quickFix, diagnostics: [], isPreferred: true,
                    edit: WorkspaceEdit(changes: ["file:///a b.yaml": [edit]]))),
            #"{"diagnostics":[],"edit":{"changes":{"file:///a b.yaml":[{"newText":"role","range":\#(rangeJSON)}]}},"isPreferred":true,"kind":"quickfix","#
                + #""title":"Rename to 'responsible'"}"#)
        XCTAssertEqual(
            try json(
                DocumentSymbol(
                    name: "incident", detail: "process", kind: .module, range: range, selectionRange: range,
                    children: [DocumentSymbol(name: "triage", kind: .function, range: range, selectionRange: range)])),
            #"{"children":[{"kind":12,"name":"triage","range":\#(rangeJSON),"selectionRange":\#(rangeJSON)}],"detail":"process","kind":2,"#
                + #""name":"incident","range":\#(rangeJSON),"selectionRange":\#(rangeJSON)}"#)
        XCTAssertEqual(try json(PrepareRenamePlaceholder(range: range, placeholder: "p")), #"{"placeholder":"p","range":\#(rangeJSON)}"#)
        XCTAssertEqual(try json(LogMessageParams(type: .error, message: "e")), #"{"message":"e","type":1}"#)
        XCTAssertEqual(try json(ShowMessageParams(type: .log, message: "l")), #"{"message":"l","type":4}"#)
    }

    func testRegisteringTheWatchedFilesCapability() throws {
        let options = try JSONValue(
            encoding: DidChangeWatchedFilesRegistrationOptions(watchers: [FileSystemWatcher(globPattern: "**/*.yaml")]))
        let params = RegistrationParams(
            registrations: [Registration(id: "watch", method: "workspace/didChangeWatchedFiles", registerOptions: options)])
        XCTAssertEqual(
            try json(params),
            #"{"registrations":[{"id":"watch","method":"workspace/didChangeWatchedFiles","registerOptions":{"watchers":[{"globPattern":"**/*.yaml"}]}}]}"#
        )
    }

    func testTheKindNumbersAreLSPs() {
        XCTAssertEqual(
            [
                CompletionItemKind.text, .function, .field, .variable, .class, .module, .property, .value, .enum, .keyword, .reference,
                .enumMember,
            ]
            .map(\.rawValue),
            [1, 3, 5, 6, 7, 9, 10, 12, 13, 14, 18, 20])
        XCTAssertEqual(
            [
                SymbolKind.file, .module, .namespace, .class, .method, .property, .field, .function, .variable, .constant, .string, .object,
                .key,
                .event, .operator,
            ].map(\.rawValue),
            [1, 2, 3, 5, 6, 7, 8, 12, 13, 14, 15, 19, 20, 24, 25])
        XCTAssertEqual([DiagnosticSeverity.error, .warning, .information, .hint].map(\.rawValue), [1, 2, 3, 4])
        XCTAssertEqual([FileChangeType.created, .changed, .deleted].map(\.rawValue), [1, 2, 3])
        XCTAssertEqual([MessageType.error, .warning, .info, .log].map(\.rawValue), [1, 2, 3, 4])
        XCTAssertEqual([TextDocumentSyncKind.none, .full, .incremental].map(\.rawValue), [0, 1, 2])
    }
}
