/// The image formats `procdef build --render` asks Graphviz for.
package enum DiagramImageFormat: String, Sendable, Hashable, CaseIterable {
    case svg, png
}
