extension YAMLDocument {
    /// The byte ranges of every scalar in the document, in source order: where a `#` is text, not a comment.
    ///
    /// Aliases are skipped (their target's range is already listed), so the walk visits each written node once.
    public func scalarByteRanges() -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var stack: [Node] = [root]
        while let node = stack.popLast() {
            switch node.content {
            case .scalar:
                if node.range.end.offset > node.range.start.offset {
                    ranges.append(node.range.start.offset..<node.range.end.offset)
                }
            case .sequence(let items):
                for item in items.reversed() where !isAlias(item, inside: node) {
                    stack.append(item)
                }
            case .mapping(let entries):
                for entry in entries.reversed() {
                    if !isAlias(entry.value, inside: node) { stack.append(entry.value) }
                    stack.append(entry.key)
                }
            }
        }
        return ranges.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// An alias resolves to a node written earlier, before its parent began.
    private func isAlias(_ child: Node, inside parent: Node) -> Bool {
        child.range.start.offset < parent.range.start.offset
    }
}
