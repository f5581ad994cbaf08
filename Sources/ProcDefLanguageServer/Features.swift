import Foundation
import LanguageServerProtocol
import ProcDef
import ProcDefOutput
import YAMLTree

/// The answers to the editor's requests, read from the latest check: one value per request, holding the line
/// indexes it converted positions with.
struct Features {
    let workspace: ServerWorkspace
    let positions: PositionConverter

    init(workspace: ServerWorkspace, encoding: PositionEncoding) {
        self.workspace = workspace
        self.positions = PositionConverter(workspace: workspace, encoding: encoding)
    }

    /// The workspace's ids, collected on the first request that needs them after a check.
    var index: SymbolIndex { workspace.symbols() }

    /// The file and byte offset a request points at; nil for a document outside the workspace or past its end.
    func place(_ document: TextDocumentIdentifier, _ position: Position) -> (path: String, offset: Int)? {
        guard let path = workspace.path(of: document.uri), let offset = positions.offset(of: position, in: path) else { return nil }
        return (path, offset)
    }

    private func symbol(at document: TextDocumentIdentifier, _ position: Position) -> SymbolOccurrence? {
        guard let (path, offset) = place(document, position) else { return nil }
        return index.occurrence(in: path, at: offset)
    }

    // MARK: Definition, references, rename

    func definition(_ params: TextDocumentPositionParams) -> [Location] {
        guard let occurrence = symbol(at: params.textDocument, params.position) else { return [] }
        return index.definitions(of: occurrence.symbol).map { positions.location($0.range, in: $0.file) }
    }

    func references(_ params: ReferenceParams) -> [Location] {
        guard let occurrence = symbol(at: params.textDocument, params.position) else { return [] }
        return index.occurrences(of: occurrence.symbol)
            .filter { params.context.includeDeclaration || !$0.isDefinition }
            .map { positions.location($0.range, in: $0.file) }
    }

    func prepareRename(_ params: TextDocumentPositionParams) -> PrepareRenamePlaceholder? {
        guard let occurrence = symbol(at: params.textDocument, params.position),
            !index.definitions(of: occurrence.symbol).isEmpty
        else { return nil }
        return PrepareRenamePlaceholder(range: positions.range(occurrence.range, in: occurrence.file), placeholder: occurrence.symbol.id)
    }

    /// Every definition and reference of the id under the cursor, renamed. Throws for a name that is not an id, or
    /// one another definition of the same kind already has.
    func rename(_ params: RenameParams) throws -> WorkspaceEdit {
        guard let occurrence = symbol(at: params.textDocument, params.position),
            !index.definitions(of: occurrence.symbol).isEmpty
        else {
            throw ResponseError(
                code: ResponseError.invalidParams, message: "there is no role, activity, process or policy id here to rename")
        }
        guard Identifier.isValid(params.newName) else {
            throw ResponseError(
                code: ResponseError.invalidParams,
                message: "'\(params.newName)' is not an id: lower-case letters, digits and single hyphens")
        }
        let renamed: Symbol =
            switch occurrence.symbol {
            case .role(_, let process): .role(id: params.newName, process: process)
            case .activity(_, let process): .activity(id: params.newName, process: process)
            case .process: .process(id: params.newName)
            case .policy: .policy(id: params.newName)
            }
        if let clash = clash(renaming: occurrence.symbol, to: renamed) {
            throw ResponseError(code: ResponseError.invalidParams, message: clash)
        }
        var changes: [DocumentURI: [LanguageServerProtocol.TextEdit]] = [:]
        for place in index.occurrences(of: occurrence.symbol) {
            changes[workspace.uri(of: place.file), default: []].append(
                LanguageServerProtocol.TextEdit(range: positions.range(place.range, in: place.file), newText: params.newName))
        }
        return WorkspaceEdit(changes: changes)
    }

    /// Why renaming `symbol` to `renamed` would change what some id means; nil when it would not. A role shares one
    /// id space between the catalogue and each process's own roles: a process's role hides the catalogue's.
    private func clash(renaming symbol: Symbol, to renamed: Symbol) -> String? {
        if !index.definitions(of: renamed).isEmpty { return "\(renamed.description) already exists" }
        guard case .role(let newID, let owner) = renamed, let model = workspace.report?.workspace else { return nil }
        if owner != nil {
            // A process's own role named like a catalogue role hides it in that process.
            return model.catalogueRoles[newID] == nil ? nil : "role '\(newID)' already exists in the catalogue"
        }
        // A catalogue role may not share its id with any process's own role: the checker reports the local one.
        if let process = model.processes.first(where: { $0.localRole(newID) != nil }) {
            return "process '\(process.id.value)' has a role '\(newID)' of its own"
        }
        return nil
    }

    // MARK: Code actions

    /// The fixes of the findings in range: each a quick fix, the safe ones preferred.
    func codeActions(_ params: CodeActionParams) -> [CodeAction] {
        guard let path = workspace.path(of: params.textDocument.uri),
            let start = positions.offset(of: params.range.start, in: path),
            let end = positions.offset(of: params.range.end, in: path)
        else { return [] }
        let converter = DiagnosticConverter(workspace: workspace, encoding: positions.encoding)
        var actions: [CodeAction] = []
        // Writing a suppression is offered on request only: in a report it would be one more fix on every finding.
        let suppressions = workspace.bytes(of: path).flatMap { InlineSuppressionFix(source: SourceFile(path: path, bytes: $0)) }
        for finding in workspace.diagnostics(in: path)
        where finding.range.start.offset <= end && start <= max(finding.range.end.offset, finding.range.start.offset) {
            let diagnostic = converter.convert(finding)
            for fix in finding.fixes {
                actions.append(action(fix, for: diagnostic))
            }
            if let suppression = suppressions?.fix(for: finding) {
                actions.append(action(suppression, for: diagnostic))
            }
        }
        return actions
    }

    private func action(_ fix: Fix, for diagnostic: LanguageServerProtocol.Diagnostic) -> CodeAction {
        var changes: [DocumentURI: [LanguageServerProtocol.TextEdit]] = [:]
        for edit in fix.edits {
            changes[workspace.uri(of: edit.file), default: []].append(
                LanguageServerProtocol.TextEdit(range: positions.range(edit.range, in: edit.file), newText: edit.newText))
        }
        return CodeAction(
            title: fix.description, kind: CodeActionKind.quickFix, diagnostics: [diagnostic], isPreferred: fix.applicability == .safe,
            edit: WorkspaceEdit(changes: changes))
    }

    // MARK: Document symbols

    /// The file's processes with their activities and roles, its catalogue's roles, its policies.
    func documentSymbols(_ params: DocumentSymbolParams) -> [DocumentSymbol] {
        guard let path = workspace.path(of: params.textDocument.uri), let model = workspace.report?.workspace else { return [] }
        var symbols: [(offset: Int, symbol: DocumentSymbol)] = []
        func symbol(
            _ name: String, _ detail: String?, _ kind: SymbolKind, _ range: SourceRange, _ id: SourceRange,
            _ children: [DocumentSymbol]? = nil
        )
            -> DocumentSymbol
        {
            // The protocol wants a name that is not blank; an id left empty is still a place in the outline.
            let name = name.trimmingCharacters(in: .whitespaces).isEmpty ? "(no id)" : name
            // The protocol wants the name's range inside the whole one.
            let whole = SourceRange(start: min(range.start, id.start), end: max(range.end, id.end))
            return DocumentSymbol(
                name: name, detail: detail, kind: kind, range: positions.range(whole, in: path),
                selectionRange: positions.range(id, in: path),
                children: children)
        }
        for process in model.processes where process.file == path {
            let roles = process.roles.map { symbol($0.id.value, $0.name.value, .class, $0.range, $0.id.range) }
            let activities = process.activities.map { symbol($0.id.value, $0.name.value, .function, $0.range, $0.id.range) }
            symbols.append(
                (
                    process.range.start.offset,
                    symbol(process.id.value, process.name.value, .module, process.range, process.id.range, roles + activities)
                ))
        }
        for catalogue in model.catalogues where catalogue.file == path {
            for role in catalogue.roles {
                symbols.append((role.range.start.offset, symbol(role.id.value, role.name.value, .class, role.range, role.id.range)))
            }
        }
        for policy in model.policies where policy.file == path {
            symbols.append(
                (policy.range.start.offset, symbol(policy.id.value, policy.title.value, .interface, policy.range, policy.id.range)))
        }
        for external in model.externalProcesses where external.file == path {
            symbols.append(
                (external.range.start.offset, symbol(external.id.value, external.name.value, .module, external.range, external.id.range)))
        }
        return symbols.sorted { $0.offset < $1.offset }.map(\.symbol)
    }
}
