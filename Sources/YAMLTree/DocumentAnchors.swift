extension YAMLDocument {
    /// Whether any node of the document has an anchor (`&name`). An edit inside an anchored node changes every alias of
    /// it too, and an alias's node lies elsewhere in the file than the alias: fixes that insert text leave such a
    /// document alone.
    public var hasAnchors: Bool {
        let store = root.store
        return store.marks.contains { records.contains($0.key) && $0.value.anchor != nil }
    }
}
