import YAMLTree

/// A change to the files that resolves a finding, as data: `procdef check --fix`, the JSON and SARIF reports and the
/// language server's code actions all read it.
public struct Fix: Sendable, Hashable {
    /// How sure procdef is that the fix says what the author meant.
    public enum Applicability: String, Sendable, Hashable, CaseIterable {
        /// Applied by `procdef check --fix`: the fix cannot change what the definition means beyond the finding
        /// (a misspelt key for the only key it can be).
        case safe
        /// Applied only with `--unsafe-fixes`: a guess that could change the meaning (a role id that may be the
        /// wrong person), or a placeholder to fill in.
        case unsafe
    }

    /// What the fix does, as an editor offers it: `Replace 'resposible' with 'responsible'`.
    public var description: String
    public var applicability: Applicability
    /// The edits, none overlapping another, each in one file.
    public var edits: [TextEdit]

    public init(description: String, applicability: Applicability, edits: [TextEdit]) {
        self.description = description
        self.applicability = applicability
        self.edits = edits
    }

    /// One replacement of `range` (a key, a value) by `text`.
    public static func replace(
        _ range: SourceRange, in file: String, with text: String, description: String, applicability: Applicability
    ) -> Fix {
        Fix(description: description, applicability: applicability, edits: [TextEdit(file: file, range: range, newText: text)])
    }
}

/// Replace the text of `range` in `file` with `newText`; an empty range inserts, an empty text deletes.
public struct TextEdit: Sendable, Hashable {
    /// The path as the finding shows it.
    public var file: String
    /// Lines and columns as every finding has them (columns count Unicode scalars), and the byte offsets the edit
    /// is applied with.
    public var range: SourceRange
    public var newText: String

    public init(file: String, range: SourceRange, newText: String) {
        self.file = file
        self.range = range
        self.newText = newText
    }
}
