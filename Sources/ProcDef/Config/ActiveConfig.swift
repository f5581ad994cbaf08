import Foundation
import YAMLTree

/// The active configuration: the `.procdef.yaml` found (or named), and the files its `extends` names, read, decoded
/// and merged.
///
/// The files form layers, the extended ones first and the active file last; a later layer wins:
/// - a scalar (`out`, `baseline`, `review-every`...) and a list that replaces (`paths`) come from the last layer that
///   sets them;
/// - under `rules`, each rule's entry (level and options together) comes from the last layer that writes it;
/// - `exclude` and `overrides` are joined, in layer order;
/// - each limit comes from the last layer that lowers it.
///
/// Every path and glob stays relative to the folder of the file that wrote it.
public struct ActiveConfig: Sendable {
    /// The active file's own settings (the last layer).
    public var config: Config?
    /// The active file, for source snippets in findings about it.
    public var source: SourceFile?
    /// Findings of reading and decoding every file of the chain.
    public var diagnostics: [Diagnostic]
    /// Every file of the chain, extended ones first; the active file last.
    public var layers: [Config]
    /// The sources of every file of the chain, for snippets.
    public var sources: [SourceFile]

    public init(config: Config?, source: SourceFile?, diagnostics: [Diagnostic]) {
        self.init(layers: config.map { [$0] } ?? [], sources: source.map { [$0] } ?? [], diagnostics: diagnostics)
        self.config = config
        self.source = source
    }

    public init(layers: [Config], sources: [SourceFile], diagnostics: [Diagnostic]) {
        self.layers = layers
        self.sources = sources
        self.diagnostics = diagnostics
        self.config = layers.last
        self.source = sources.first { $0.path == layers.last?.file } ?? sources.last
    }

    /// A setting from the last layer that sets it, with the file it came from.
    public func setting<Value>(_ key: KeyPath<Config, Value?>) -> (value: Value, file: String)? {
        for layer in layers.reversed() {
            if let value = layer[keyPath: key] { return (value, layer.file) }
        }
        return nil
    }

    /// `paths`, from the last layer that names any, with the file they are relative to.
    public var paths: (values: [Located<String>], file: String)? {
        layers.last { !$0.paths.isEmpty }.map { ($0.paths, $0.file) }
    }

    /// The config's `paths`, each taken relative to the config file that names them; nil when it names none.
    package func configuredPaths(currentDirectory: String) -> [String]? {
        guard let paths else { return nil }
        return paths.values.map { DisplayPath.resolve($0.value, relativeTo: paths.file, currentDirectory: currentDirectory) }
    }

    /// The `rules` entries of every layer, the last entry of each rule id or family kept, in the order written. A
    /// renamed rule's old id and its new id are one rule: the later file's entry wins, whichever id it is written with
    /// (within one file, the resolver lets the new id win).
    public var ruleSettings: [RuleSetting] {
        var merged: [RuleSetting] = []
        var position: [String: Int] = [:]
        for layer in layers {
            var replacedHere: Set<String> = []
            for setting in layer.rules {
                let rule = RenamedRule.currentID(of: setting.pattern.value) ?? setting.pattern.value
                if let index = position[rule], !replacedHere.contains(rule) {
                    merged[index] = setting
                    replacedHere.insert(rule)
                } else if position[rule] == nil {
                    position[rule] = merged.count
                    merged.append(setting)
                    replacedHere.insert(rule)
                } else {
                    // The same rule twice in one file (old and new id): both go to the resolver, which decides.
                    merged.append(setting)
                }
            }
        }
        return merged
    }

    /// Every layer's `overrides`, in layer order: a later entry wins.
    public var overrides: [RuleOverride] { layers.flatMap(\.overrides) }

    /// The rules the run checks with: the merged `rules`, and each of `overrides` as a scope of the files its globs
    /// match (relative to the folder of the file that wrote it). `policyIDs` are the policies' ids: `policy/<id>`
    /// entries name them.
    public func ruleScopes(policyIDs: Set<String>, currentDirectory: String) -> RuleScopes {
        let base = ConfigResolver.resolve(ruleSettings, in: "", rules: RuleRegistry.all, policyIDs: policyIDs).0
        let scopes = overrides.enumerated().map { index, override in
            let folder = Self.folder(of: override.file, currentDirectory: currentDirectory)
            return RuleScopes.Scope(
                globs: override.paths.compactMap { PathGlob($0.value, base: folder) },
                rules: ConfigResolver.resolve(override.rules, in: override.file, rules: RuleRegistry.all, policyIDs: policyIDs).0,
                override: override, index: index)
        }
        return RuleScopes(base: base, scopes: scopes)
    }

    /// Every layer's `exclude` globs, each relative to the folder of its own file.
    public func excludes(currentDirectory: String) -> [PathGlob] {
        layers.flatMap { layer in
            let base = Self.folder(of: layer.file, currentDirectory: currentDirectory)
            return layer.exclude.compactMap { PathGlob($0.value, base: base) }
        }
    }

    /// The absolute folder holding `file`, a path as shown (relative to `currentDirectory`, or absolute), with its
    /// symbolic links resolved: globs and baseline keys are relative to it, and compare with the paths read.
    public static func folder(of file: String, currentDirectory: String) -> String {
        let absolute = DisplayPath.absolute(file, currentDirectory: currentDirectory)
        let folder = DisplayPath.parent(absolute)
        return DisplayPath.real(folder.isEmpty ? "/" : folder)
    }

    /// A path written in `file`, as an absolute path.
    public static func resolve(_ path: String, writtenIn file: String, currentDirectory: String) -> String {
        if path.hasPrefix("/") { return DisplayPath.normalized(path, isAbsolute: true) }
        return DisplayPath.normalized(folder(of: file, currentDirectory: currentDirectory) + "/" + path, isAbsolute: true)
    }
}

extension ConfigResolver {
    /// Reads the config at `path` and, depth first, every file its `extends` names: the layers of `ActiveConfig`.
    /// A file named twice (two files extend the same standards) is merged once, at its first place. A missing file
    /// or a cycle throws `WorkspaceError.configChain` with the chain that leads to it.
    public static func loadChain(_ path: String, options: CheckOptions = CheckOptions()) throws(WorkspaceError) -> ActiveConfig {
        let currentDirectory = FileManager.default.currentDirectoryPath
        var layers: [Config] = []
        var sources: [SourceFile] = []
        var diagnostics: [Diagnostic] = []
        var merged: Set<String> = []

        func visit(_ display: String, chain: [(file: String, absolute: String)]) throws(WorkspaceError) {
            // Compared by real path, so a cycle through a symbolic link is a cycle.
            let absolute = DisplayPath.real(DisplayPath.absolute(display, currentDirectory: currentDirectory))
            guard merged.insert(absolute).inserted else { return }
            let loaded = try load(display, options: options)
            sources += loaded.sources
            diagnostics += loaded.diagnostics
            guard let config = loaded.config else { return }
            let here = chain + [(display, absolute)]
            for written in config.extends {
                let target = ActiveConfig.resolve(written.value, writtenIn: display, currentDirectory: currentDirectory)
                let shown = DisplayPath.make(target, currentDirectory: currentDirectory)
                let story =
                    here.map(\.file).enumerated().map { $0 == 0 ? $1 : "which extends \($1)" }.joined(separator: ", ")
                    + ", which extends \(shown) (\(display):\(written.range.start.line))"
                if here.contains(where: { $0.absolute == DisplayPath.real(target) }) {
                    throw .configChain("configuration cycle: \(story)")
                }
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) else {
                    throw .configChain("\(story), which does not exist")
                }
                if isDirectory.boolValue { throw .configChain("\(story), which is a folder, not a config file") }
                try visit(shown, chain: here)
            }
            layers.append(config)
        }
        try visit(path, chain: [])
        return ActiveConfig(layers: layers, sources: sources, diagnostics: diagnostics)
    }
}
