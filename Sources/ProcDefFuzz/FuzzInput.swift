import ProcDef

/// Turns one fuzzer input into several in-memory files, so that one input can exercise cross-file linking.
///
/// A line that is exactly `%%` separates files (the fuzzer finds it through the dictionary). At most `maxFiles`
/// files are made; the rest of the input stays in the last one. Every file is named `Processes/fuzz-<n>.yaml`; a
/// `kind: config` document in any of them becomes the active configuration (see `FuzzPipeline`).
package enum FuzzInput {
    package static let separator: [UInt8] = Array("\n%%\n".utf8)
    package static let maxFiles = 8

    package static func files(from bytes: [UInt8]) -> [SourceFile] {
        var parts: [[UInt8]] = []
        var start = 0
        var index = 0
        while index + separator.count <= bytes.count, parts.count < maxFiles - 1 {
            if bytes[index] == separator[0], bytes[index..<(index + separator.count)].elementsEqual(separator) {
                parts.append(Array(bytes[start..<index]))
                index += separator.count
                start = index
            } else {
                index += 1
            }
        }
        parts.append(Array(bytes[start...]))
        return parts.enumerated().map { SourceFile(path: "Processes/fuzz-\($0.offset + 1).yaml", bytes: $0.element) }
    }
}
