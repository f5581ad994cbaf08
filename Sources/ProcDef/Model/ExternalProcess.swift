import YAMLTree

/// A `kind: external-process` document: a process another organisation or unit defines and governs, which this
/// repository's processes start with `triggers:` and hand cases to.
///
/// It shares the process id space; it has no activities, so procdef neither checks its flow nor its ownership.
public struct ExternalProcess: Sendable {
    public var id: Located<String>
    public var name: Located<String>
    /// Where the process is described (its owner's documentation), for runbooks and the index.
    public var link: Located<String>?
    /// Who governs it on the other side, as a role of this repository.
    public var owner: Located<String>?
    /// The role that takes a case in: it plays the part a local process's start activity's responsible role plays.
    public var receiver: Located<String>?
    public var file: String
    public var range: SourceRange
    public var headerRange: SourceRange

    public init(
        id: Located<String>, name: Located<String>, link: Located<String>? = nil, owner: Located<String>? = nil,
        receiver: Located<String>? = nil, file: String, range: SourceRange, headerRange: SourceRange
    ) {
        self.id = id
        self.name = name
        self.link = link
        self.owner = owner
        self.receiver = receiver
        self.file = file
        self.range = range
        self.headerRange = headerRange
    }
}
