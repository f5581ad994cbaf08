import ArgumentParser
import ProcDefOutput

/// `procdef schema`: the JSON Schema of the format, for editors and for validators in CI.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft-07) of procdef's YAML documents.",
        discussion: """
            Editors that speak the YAML language server (VS Code's YAML extension, Neovim, Helix, Zed...) use it to \
            complete keys, show their documentation and flag unknown keys as you type: put \
            '# yaml-language-server: $schema=<path or URL of the schema>' at the top of a file. The repository ships \
            the same schema as schema/procdef.schema.json.
            """
    )

    func run() {
        Terminal.write(JSONSchemaRenderer().render())
    }
}
