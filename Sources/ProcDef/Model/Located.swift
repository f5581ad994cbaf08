import YAMLTree

/// A decoded value with the source range of the YAML node it came from, so any rule can point at it.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var range: SourceRange

    public init(_ value: Value, at range: SourceRange) {
        self.value = value
        self.range = range
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}

extension Array {
    /// The plain values of a list of located values.
    public func values<V>() -> [V] where Element == Located<V> { map(\.value) }
}
