import Foundation

/// Where the baseline file is, and whether someone named it (then it must exist): shared by the commands and the
/// language server.
package struct BaselineLocation: Sendable {
    /// The path to open and show.
    package var path: String
    /// Named by `--baseline` or the config's `baseline`, rather than the default name.
    package var namedBy: String?
    /// The absolute folder of the baseline, which its paths (and every finding's key) are relative to.
    package var root: String

    package init(path: String, namedBy: String?, root: String) {
        self.path = path
        self.namedBy = namedBy
        self.root = root
    }

    /// `flag` (`--baseline`), else the config's `baseline` (relative to the file that wrote it), else
    /// `.procdef-baseline.json` beside the active config, else in the current directory.
    package static func locate(flag: String?, active: ActiveConfig?, currentDirectory: String) -> BaselineLocation {
        let path: String
        let namedBy: String?
        if let flag {
            path = flag
            namedBy = "--baseline"
        } else if let setting = active?.setting(\.baseline) {
            path = DisplayPath.resolve(setting.value.value, relativeTo: setting.file, currentDirectory: currentDirectory)
            namedBy = "'baseline' in \(setting.file):\(setting.value.range.start.line)"
        } else if let file = active?.config?.file {
            path = DisplayPath.resolve(Baseline.defaultFileName, relativeTo: file, currentDirectory: currentDirectory)
            namedBy = nil
        } else {
            path = Baseline.defaultFileName
            namedBy = nil
        }
        let root = ActiveConfig.folder(of: path, currentDirectory: currentDirectory)
        return BaselineLocation(path: DisplayPath.make(path, currentDirectory: currentDirectory), namedBy: namedBy, root: root)
    }

    /// The baseline, and its text for snippets; nil when the default file does not exist. Throws when a named file
    /// does not exist, or the file is not a baseline.
    package func load(limit: Int) throws(BaselineProblem) -> (baseline: Baseline, source: SourceFile)? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            if let namedBy {
                throw BaselineProblem(
                    message: "no such baseline file: \(path) (named by \(namedBy))",
                    help: "write it with `procdef check --write-baseline`, or use --no-baseline")
            }
            return nil
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= limit else {
            throw BaselineProblem(
                message: "baseline file \(path) is over the \(limit)-byte limit (max-file-size)",
                help: "raise --max-file-size, or check with --no-baseline")
        }
        guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: path) else {
            throw BaselineProblem(message: "cannot read baseline file: \(path)", help: nil)
        }
        let bytes = [UInt8](data)
        do {
            return (try Baseline(parsing: bytes, file: path), SourceFile(path: path, bytes: bytes))
        } catch {
            throw BaselineProblem(
                message: error.description, help: "rewrite it with `procdef check --write-baseline`, or check without it: --no-baseline")
        }
    }
}

/// Why a baseline file cannot be used.
package struct BaselineProblem: Error, Sendable {
    package var message: String
    package var help: String?
}
