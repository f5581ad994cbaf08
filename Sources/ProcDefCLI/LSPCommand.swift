import ArgumentParser
import ProcDefLanguageServer

/// `procdef lsp`: the language server, for editors.
struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server (the Language Server Protocol over standard input and output), for editors.",
        discussion: """
            Editors start it and talk to it; it is not for a terminal. It checks the workspace folder the editor \
            opens as `procdef check` would there (its .procdef.yaml, overrides, excludes and baseline), and publishes \
            the findings of every file as you type, with hover, go to definition, find references, completion, \
            quick fixes, an outline and rename. Setup for Neovim, Helix, Emacs and VS Code: docs/editors.md.
            """
    )

    @Flag(
        name: .customLong("stdio"),
        help: ArgumentHelp("Talk over standard input and output (the default; accepted for editors that pass it)."))
    var stdio = false

    func run() throws {
        let code = LanguageServer.serve()
        if code != 0 { throw ExitCode(code) }
    }
}
