import Foundation

/// A failed `read(2)` or `write(2)` on the server's standard input or output.
public struct MessageStreamError: Error, Hashable, Sendable {
    /// `"read"` or `"write"`.
    public var operation: String
    /// The `errno` the call set.
    public var code: Int32

    public init(operation: String, code: Int32) {
        self.operation = operation
        self.code = code
    }
}

extension MessageStreamError: CustomStringConvertible {
    public var description: String {
        "\(operation) failed: \(String(cString: strerror(code)))"
    }
}
