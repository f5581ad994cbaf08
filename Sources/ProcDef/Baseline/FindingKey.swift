import Foundation

/// What a finding is about, as a baseline and code scanning identify it across edits: the rule, the file (relative to
/// the project root) and the ids the finding carries; never its line, column or message.
///
/// Moving a process down its file, reformatting it or adding a step elsewhere keeps every key; the message is left
/// out because its wording changes with releases, dates (an overdue review) and witness paths. Findings with the same
/// key are told apart by count, so a second instance of the same defect is new.
public struct FindingKey: Sendable, Hashable, Comparable {
    public var rule: String
    /// The file relative to the project root, with `/`; a file outside the root keeps its `..` steps.
    public var file: String
    public var subjects: FindingSubjects

    public init(rule: String, file: String, subjects: FindingSubjects) {
        self.rule = rule
        self.file = file
        self.subjects = subjects
    }

    /// The key of `diagnostic`, whose file is a path as shown (relative to `currentDirectory`, or absolute);
    /// `root` is the absolute folder keys are relative to.
    public init(_ diagnostic: Diagnostic, root: String, currentDirectory: String) {
        self.init(
            rule: diagnostic.rule, file: Self.path(diagnostic.file, root: root, currentDirectory: currentDirectory),
            subjects: diagnostic.subjects)
    }

    /// `file` (as shown) relative to `root` (a real path). A file that leaves the root as written is tried again
    /// with its folder's links resolved, so the same file reached through a link has the same key.
    public static func path(_ file: String, root: String, currentDirectory: String) -> String {
        guard !file.isEmpty else { return file }
        let absolute = DisplayPath.absolute(file, currentDirectory: currentDirectory)
        let relative = PathGlob.relative(absolute, to: root) ?? "."
        guard relative.hasPrefix("..") else { return relative }
        let real = DisplayPath.realFolder(of: absolute)
        return PathGlob.relative(real, to: root) ?? "."
    }

    /// One line of text, the same for the same key: `rule|file|process=...;activities=a,b;roles=...`. The JSON
    /// report prints it as `key`; SARIF's `partialFingerprints` hash it.
    public var text: String {
        var parts: [String] = []
        if let process = subjects.process { parts.append("process=" + process) }
        if !subjects.activities.isEmpty { parts.append("activities=" + subjects.activities.joined(separator: ",")) }
        if !subjects.roles.isEmpty { parts.append("roles=" + subjects.roles.joined(separator: ",")) }
        if let policy = subjects.policy { parts.append("policy=" + policy) }
        if let waiver = subjects.waiver { parts.append("waiver=" + waiver.process + "/" + waiver.policy) }
        return rule + "|" + file + "|" + parts.joined(separator: ";")
    }

    /// A stable 64-bit FNV-1a hash of `text`, in hex: the same on every machine and every run, unlike `Hasher`.
    public var hash: String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01B3
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// File, then rule, then the key's text: the baseline file's order.
    public static func < (a: FindingKey, b: FindingKey) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if a.rule != b.rule { return a.rule < b.rule }
        return a.text < b.text
    }
}
