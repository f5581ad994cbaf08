/// One YAML node with the source range it came from.
///
/// An alias resolves to the anchored node's value: the arrays inside are shared
/// copy-on-write storage, so an alias never copies the anchored subtree.
public struct Node: Sendable {
    public enum Content: Sendable {
        case scalar(Scalar)
        case sequence([Node])
        case mapping([MappingEntry])
    }

    public var content: Content
    public var range: SourceRange
    /// Tag and anchor, which nearly no node has, kept out of line so that every node is smaller.
    private var marks: Marks?

    /// The tag as written after resolution by libyaml (e.g. `tag:yaml.org,2002:str`), nil when implicit.
    public var tag: String? {
        get { marks?.tag }
        set { marks = Marks.make(tag: newValue, anchor: anchor) }
    }

    public var anchor: String? {
        get { marks?.anchor }
        set { marks = Marks.make(tag: tag, anchor: newValue) }
    }

    public init(content: Content, range: SourceRange, tag: String? = nil, anchor: String? = nil) {
        self.content = content
        self.range = range
        self.marks = Marks.make(tag: tag, anchor: anchor)
    }

    private final class Marks: Sendable {
        let tag: String?
        let anchor: String?

        private init(tag: String?, anchor: String?) {
            self.tag = tag
            self.anchor = anchor
        }

        static func make(tag: String?, anchor: String?) -> Marks? {
            tag == nil && anchor == nil ? nil : Marks(tag: tag, anchor: anchor)
        }
    }
}

/// A scalar's text and the style it was written in (plain scalars are the only ones YAML resolves to null, bool or number).
public struct Scalar: Sendable, Hashable {
    public var text: String
    public var style: ScalarStyle

    public init(text: String, style: ScalarStyle) {
        self.text = text
        self.style = style
    }
}

public enum ScalarStyle: Sendable, Hashable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// A key/value pair of a mapping, in source order.
public struct MappingEntry: Sendable {
    public var key: Node
    public var value: Node

    public init(key: Node, value: Node) {
        self.key = key
        self.value = value
    }
}

/// One document of a YAML stream (`---` separates them).
public struct YAMLDocument: Sendable {
    public var root: Node
    public var range: SourceRange

    public init(root: Node, range: SourceRange) {
        self.root = root
        self.range = range
    }
}
