/// Why a `didChange` could not be applied; the document keeps the text it had before the notification.
public enum DocumentEditError: Error, Hashable, Sendable {
    /// The change at `changeIndex` has a position whose line is not in the document (of `lineCount` lines) as it
    /// stood before that change, or a negative number.
    case positionOutsideDocument(changeIndex: Int, position: Position, lineCount: Int)
    /// The change at `changeIndex` has a range whose start comes after its end.
    case rangeStartsAfterEnd(changeIndex: Int, range: Range)
}

extension DocumentEditError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .positionOutsideDocument(let changeIndex, let position, let lineCount):
            return
                "change \(changeIndex + 1): position \(position.line):\(position.character) is outside the document of \(lineCount) lines"
        case .rangeStartsAfterEnd(let changeIndex, let range):
            return
                "change \(changeIndex + 1): the range starts at \(range.start.line):\(range.start.character), after its end at \(range.end.line):\(range.end.character)"
        }
    }
}
