extension String {
    /// Empty or white space only: a field written but saying nothing.
    ///
    /// Rules ask this of every expectation, condition and owner, and runbooks of every contact; nearly all start with a
    /// visible ASCII character, which settles it without the grapheme and Unicode-property work of
    /// `Character.isWhitespace`.
    public var isBlank: Bool {
        if let first = utf8.first, first > 0x20, first < 0x7F { return false }
        return allSatisfy(\.isWhitespace)
    }
}
