import YAMLTree

extension Rule {
    /// A finding of this rule at its default severity; the checker applies the config's severities afterwards.
    package static func diagnostic(
        file: String, range: SourceRange, message: String, help: String? = nil, notes: [Diagnostic.Note] = [],
        subjects: FindingSubjects = FindingSubjects()
    ) -> Diagnostic {
        Diagnostic(
            file: file, range: range, severity: descriptor.defaultSeverity ?? .warning, rule: descriptor.id, message: message, help: help,
            notes: notes,
            subjects: subjects
        )
    }
}
