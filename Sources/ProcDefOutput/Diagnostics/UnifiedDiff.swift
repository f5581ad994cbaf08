/// The changes between two versions of a file as a unified diff (`diff -u`, `git apply` reads it): `--- a/PATH`,
/// `+++ b/PATH`, then hunks of changed lines with three lines of context.
///
/// Lines are compared whole, line ends included, so a file without a final newline shows it: `\ No newline at end
/// of file`. The common beginning and end are set aside first; the rest is aligned by a longest common subsequence,
/// which is quadratic only in the stretch between the first and the last change.
package enum UnifiedDiff {
    package static let context = 3

    /// Empty when the two are the same.
    package static func render(path: String, old: [UInt8], new: [UInt8]) -> String {
        let a = lines(old)
        let b = lines(new)
        guard a != b else { return "" }
        let operations = align(a, b)
        var output = "--- a/\(path)\n+++ b/\(path)\n"
        // Each hunk spans the changes whose context touches, with `context` unchanged lines around.
        var index = 0
        while index < operations.count {
            guard operations[index].kind != .same else {
                index += 1
                continue
            }
            var start = index
            var kept = 0
            while start > 0 && operations[start - 1].kind == .same && kept < context {
                start -= 1
                kept += 1
            }
            var end = index
            var lastChange = index
            while end < operations.count {
                if operations[end].kind != .same {
                    lastChange = end
                } else if end - lastChange > 2 * context {
                    break
                }
                end += 1
            }
            end = min(operations.count, lastChange + 1 + context)
            let hunk = operations[start..<end]
            let oldStart = (hunk.first?.oldLine ?? 0) + 1
            let newStart = (hunk.first?.newLine ?? 0) + 1
            let oldCount = hunk.count { $0.kind != .added }
            let newCount = hunk.count { $0.kind != .removed }
            output += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
            for operation in hunk {
                let text = operation.kind == .added ? b[operation.newLine] : a[operation.oldLine]
                let mark = operation.kind == .same ? " " : operation.kind == .added ? "+" : "-"
                output += mark + String(decoding: text, as: UTF8.self)
                if text.last != UInt8(ascii: "\n") { output += "\n\\ No newline at end of file\n" }
            }
            index = end
        }
        return output
    }

    /// `start,count`, where an empty side names the line before it, as diff does.
    private static func range(_ start: Int, _ count: Int) -> String {
        count == 0 ? "\(start - 1),0" : count == 1 ? "\(start)" : "\(start),\(count)"
    }

    private enum Kind { case same, removed, added }

    private struct Operation {
        var kind: Kind
        /// The line's index in the old file (for `added`, the index of the old line it comes before).
        var oldLine: Int
        /// The line's index in the new file (for `removed`, the index of the new line it comes before).
        var newLine: Int
    }

    /// Each line with its line end.
    private static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            result.append(bytes[start...index])
            start = index + 1
        }
        if start < bytes.count { result.append(bytes[start...]) }
        return result
    }

    private static func align(_ a: [ArraySlice<UInt8>], _ b: [ArraySlice<UInt8>]) -> [Operation] {
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let middleA = Array(a[prefix..<(a.count - suffix)])
        let middleB = Array(b[prefix..<(b.count - suffix)])
        // lengths[i][j]: the longest common subsequence of middleA[i...] and middleB[j...].
        let width = middleB.count + 1
        var lengths = [Int](repeating: 0, count: (middleA.count + 1) * width)
        for i in stride(from: middleA.count - 1, through: 0, by: -1) {
            for j in stride(from: middleB.count - 1, through: 0, by: -1) {
                lengths[i * width + j] =
                    middleA[i] == middleB[j]
                    ? lengths[(i + 1) * width + j + 1] + 1 : max(lengths[(i + 1) * width + j], lengths[i * width + j + 1])
            }
        }
        var operations: [Operation] = (0..<prefix).map { Operation(kind: .same, oldLine: $0, newLine: $0) }
        var i = 0
        var j = 0
        while i < middleA.count || j < middleB.count {
            if i < middleA.count && j < middleB.count && middleA[i] == middleB[j] {
                operations.append(Operation(kind: .same, oldLine: prefix + i, newLine: prefix + j))
                i += 1
                j += 1
            } else if i < middleA.count && (j == middleB.count || lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) {
                // Removed lines before added ones, as diff prints them.
                operations.append(Operation(kind: .removed, oldLine: prefix + i, newLine: prefix + j))
                i += 1
            } else {
                operations.append(Operation(kind: .added, oldLine: prefix + i, newLine: prefix + j))
                j += 1
            }
        }
        for k in 0..<suffix {
            operations.append(Operation(kind: .same, oldLine: a.count - suffix + k, newLine: b.count - suffix + k))
        }
        return operations
    }
}
