extension YAMLDocument {
    /// The byte ranges of every scalar in the document, in source order: where a `#` is text, not a comment.
    ///
    /// Every written scalar has one record (an alias adds none), so each is listed once.
    public func scalarByteRanges() -> [Range<Int>] {
        let store = root.store
        var ranges: [Range<Int>] = []
        for index in records {
            let record = store.records[Int(index)]
            guard record.kind == .scalar, record.range.end.offset > record.range.start.offset else { continue }
            ranges.append(record.range.start.offset..<record.range.end.offset)
        }
        // Scalars are recorded as libyaml reports them, in source order; the sort only guards that order.
        return ranges.sorted { $0.lowerBound < $1.lowerBound }
    }
}
