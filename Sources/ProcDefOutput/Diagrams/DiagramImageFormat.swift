/// The image formats `procdef build --render` asks Graphviz for.
public enum DiagramImageFormat: String, Sendable, Hashable, CaseIterable {
    case svg, png
}
