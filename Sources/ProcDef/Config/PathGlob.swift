import Foundation

/// A glob of the config (`exclude`, `overrides.paths`), matched against a path relative to the folder of the config
/// file that wrote it.
///
/// - `*` matches any run of characters within one path segment, `?` one character, `[abc]`, `[a-z]` and `[!abc]`
///   one character of (or not of) a set;
/// - `**` as a whole segment matches any number of segments, none included (`**/*.draft.yaml`, `Processes/**`);
/// - the glob matches the whole path, not a part of it, so `*.yaml` matches only files in the config's own folder;
/// - a glob that matches a folder matches everything in it (`Processes/archive` is `Processes/archive/**`);
/// - a leading `./` or `/` is dropped: every glob is relative to the config's folder.
public struct PathGlob: Sendable, Hashable {
    /// The glob as written.
    public let text: String
    /// The absolute folder it is relative to: the folder of the config file that wrote it.
    public let base: String
    private let segments: [Segment]

    private enum Segment: Sendable, Hashable {
        case anyDepth
        case pattern([Token])
    }

    private enum Token: Sendable, Hashable {
        case literal(Character)
        case anyRun
        case anyOne
        case set([ClosedRange<Character>], negated: Bool)
    }

    /// How a glob is written, for the help of a finding about one that cannot be read.
    public static let syntaxHelp =
        "a glob is relative to the config's folder: `*` matches within a folder name, `**` any number of folders, `?` one character, `[a-z]` one of a set"

    /// nil when `text` reads as a glob; else why not.
    public static func problem(in text: String) -> String? {
        switch parse(text) {
        case .success: nil
        case .failure(let failure): failure.message
        }
    }

    /// nil when `text` does not read as a glob (see `problem(in:)`).
    public init?(_ text: String, base: String) {
        guard case .success(let segments) = Self.parse(text) else { return nil }
        self.text = text
        self.base = base
        self.segments = segments
    }

    /// Whether the glob matches `path`, an absolute path, or a folder `path` is in. A path that leaves the base
    /// as written is tried again with its links resolved (the base's are), in case it reached the base through one.
    public func matches(absolute path: String) -> Bool {
        if matchesLexically(path) { return true }
        guard Self.relative(path, to: base)?.hasPrefix("..") == true else { return false }
        let real = DisplayPath.realFolder(of: path)
        return real != path && matchesLexically(real)
    }

    private func matchesLexically(_ path: String) -> Bool {
        guard let relative = Self.relative(path, to: base) else { return false }
        let parts = relative.split(separator: "/").map(String.init)
        // A match of any leading part is a folder holding the path.
        for count in stride(from: parts.count, through: 1, by: -1) where match(segments[...], parts[..<count]) {
            return true
        }
        return false
    }

    /// Whether the glob matches the folder `path` itself, so a walk need not enter it.
    public func matchesFolder(absolute path: String) -> Bool {
        matches(absolute: path)
    }

    /// `path` relative to the absolute folder `base`, with `..` for a path outside it; nil for the folder itself.
    package static func relative(_ path: String, to base: String) -> String? {
        let target = path.split(separator: "/")
        let from = base.split(separator: "/")
        var common = 0
        while common < target.count, common < from.count, target[common] == from[common] { common += 1 }
        let ups = Array(repeating: "..", count: from.count - common)
        let rest = target[common...].map(String.init)
        let parts = ups + rest
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }

    private func match(_ pattern: ArraySlice<Segment>, _ parts: ArraySlice<String>) -> Bool {
        // Dynamic programming over (pattern, parts) positions: `**` may be written several times, and backtracking
        // over each would grow with the product of their choices.
        let p = Array(pattern)
        let s = Array(parts)
        var reachable = Array(repeating: false, count: s.count + 1)
        reachable[0] = true
        for segment in p {
            var next = Array(repeating: false, count: s.count + 1)
            switch segment {
            case .anyDepth:
                // `**` spans folders below, never a `..` out of the base: a shared config's `**/archive/**` stays in
                // the shared config's folder.
                var seen = false
                for j in 0...s.count {
                    seen = (seen && (j == 0 || s[j - 1] != "..")) || reachable[j]
                    next[j] = seen
                }
            case .pattern(let tokens):
                for j in 0..<s.count where reachable[j] && Self.match(tokens, s[j]) {
                    next[j + 1] = true
                }
            }
            reachable = next
        }
        return reachable[s.count]
    }

    /// One segment: `..` only when written as `..`, so `*` cannot climb out of the base.
    private static func match(_ tokens: [Token], _ name: String) -> Bool {
        if name == ".." { return tokens == [.literal("."), .literal(".")] }
        return match(tokens[...], Array(name)[...])
    }

    private static func match(_ tokens: ArraySlice<Token>, _ name: ArraySlice<Character>) -> Bool {
        // Classic wildcard matching with one backtrack point per `*`, linear in practice.
        var t = tokens.startIndex
        var n = name.startIndex
        var star: (token: Int, name: Int)? = nil
        while n < name.endIndex {
            if t < tokens.endIndex {
                switch tokens[t] {
                case .anyRun:
                    star = (t, n)
                    t += 1
                    continue
                case .anyOne:
                    t += 1
                    n += 1
                    continue
                case .literal(let character) where character == name[n]:
                    t += 1
                    n += 1
                    continue
                case .set(let ranges, let negated) where ranges.contains { $0.contains(name[n]) } != negated:
                    t += 1
                    n += 1
                    continue
                default:
                    break
                }
            }
            guard let last = star else { return false }
            t = last.token + 1
            n = last.name + 1
            star = (last.token, last.name + 1)
        }
        while t < tokens.endIndex, tokens[t] == .anyRun { t += 1 }
        return t == tokens.endIndex
    }

    private struct Failure: Error {
        var message: String
    }

    private static func parse(_ text: String) -> Result<[Segment], Failure> {
        var body = Substring(text)
        while body.hasPrefix("./") { body = body.dropFirst(2) }
        while body.hasPrefix("/") { body = body.dropFirst() }
        guard !body.isEmpty else { return .failure(Failure(message: "an empty glob matches nothing")) }
        var segments: [Segment] = []
        for part in body.split(separator: "/", omittingEmptySubsequences: true) where part != "." {
            if part == "**" {
                if segments.last != .anyDepth { segments.append(.anyDepth) }
                continue
            }
            if part.contains("**") {
                return .failure(Failure(message: "'**' must be a whole folder name, as in 'Processes/**/*.yaml', found '\(part)'"))
            }
            var tokens: [Token] = []
            var characters = Array(part)[...]
            while let character = characters.popFirst() {
                switch character {
                case "*": tokens.append(.anyRun)
                case "?": tokens.append(.anyOne)
                case "[":
                    guard let close = characters.dropFirst().firstIndex(of: "]") else {
                        return .failure(Failure(message: "'[' opens a set of characters that no ']' closes, in '\(text)'"))
                    }
                    var inside = characters[characters.startIndex..<close]
                    characters = characters[(close + 1)...]
                    let negated = inside.first == "!" || inside.first == "^"
                    if negated { inside = inside.dropFirst() }
                    var ranges: [ClosedRange<Character>] = []
                    let items = Array(inside)
                    var i = 0
                    while i < items.count {
                        if i + 2 < items.count, items[i + 1] == "-" {
                            guard items[i] <= items[i + 2] else {
                                return .failure(Failure(message: "the range '\(items[i])-\(items[i + 2])' in '\(text)' runs backwards"))
                            }
                            ranges.append(items[i]...items[i + 2])
                            i += 3
                        } else {
                            ranges.append(items[i]...items[i])
                            i += 1
                        }
                    }
                    tokens.append(.set(ranges, negated: negated))
                default: tokens.append(.literal(character))
                }
            }
            segments.append(.pattern(tokens))
        }
        guard !segments.isEmpty else { return .failure(Failure(message: "the glob '\(text)' names no file or folder")) }
        return .success(segments)
    }
}
