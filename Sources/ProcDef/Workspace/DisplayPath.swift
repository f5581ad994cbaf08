import Foundation

/// Paths as users see them in findings: relative to the current directory when below it, always with `/`.
package enum DisplayPath {
    /// `path` as typed (absolute or relative to `currentDirectory`), cleaned of `.`, `..` and doubled slashes.
    package static func make(_ path: String, currentDirectory: String) -> String {
        let isAbsolute = path.hasPrefix("/")
        let absolute = normalized(isAbsolute ? path : currentDirectory + "/" + path, isAbsolute: true)
        let base = normalized(currentDirectory, isAbsolute: true)
        if absolute == base { return "." }
        let prefix = base == "/" ? "/" : base + "/"
        if absolute.hasPrefix(prefix) { return String(absolute.dropFirst(prefix.count)) }
        return isAbsolute ? absolute : normalized(path, isAbsolute: false)
    }

    /// `path` as typed (absolute or relative to `currentDirectory`), made absolute and cleaned lexically.
    /// A path written in the file `file` (a config), taken relative to the folder holding it, and shown as
    /// `make` shows paths.
    package static func resolve(_ path: String, relativeTo file: String, currentDirectory: String) -> String {
        if path.hasPrefix("/") { return path }
        let folder = parent(file)
        return folder.isEmpty ? path : make(folder + "/" + path, currentDirectory: currentDirectory)
    }

    package static func absolute(_ path: String, currentDirectory: String) -> String {
        normalized(path.hasPrefix("/") ? path : currentDirectory + "/" + path, isAbsolute: true)
    }

    /// `path` (absolute) with its symbolic links resolved, as the file system sees it; `path` itself when it does not
    /// exist. Two spellings of one folder (`/tmp` and `/private/tmp`, a link to a checkout) then compare equal.
    package static func real(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `path` (absolute) with the links of its folder resolved: the file itself may be a link, or not exist yet.
    package static func realFolder(of path: String) -> String {
        let folder = parent(path)
        return real(folder.isEmpty ? "/" : folder) + "/" + name(path)
    }

    /// The folder part of `path`: everything before its last `/` (`/` for a file in the root, `""` for a bare name).
    /// Written out because Foundation's `deletingLastPathComponent` traps on a path ending in a one-character name.
    package static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The name part of `path`: everything after its last `/`.
    package static func name(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// `parent/name`, where a parent of `.` adds nothing.
    static func child(_ parent: String, _ name: String) -> String {
        if parent == "." { return name }
        return parent.hasSuffix("/") ? parent + name : parent + "/" + name
    }

    /// Lexical clean-up only: symbolic links are not resolved, so `a/link/..` becomes `a`, which only matters for display.
    static func normalized(_ path: String, isAbsolute: Bool) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".":
                continue
            case "..":
                if let last = parts.last, last != ".." {
                    parts.removeLast()
                } else if !isAbsolute {
                    parts.append(part)
                }
            default:
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        if isAbsolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}
