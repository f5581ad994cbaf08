import Foundation

/// The rule configuration of every checked file: the config's `rules`, then each `overrides` entry whose globs match
/// the file, in order.
public struct RuleScopes: Sendable {
    /// One `overrides` entry: its globs, and its rule settings resolved.
    public struct Scope: Sendable {
        public var globs: [PathGlob]
        public var rules: RuleConfiguration
        /// The entry it was made from, for `procdef config`; nil for a scope made in code.
        public var override: RuleOverride?
        /// Its place among the config's `overrides`, from 0.
        public var index: Int

        public init(globs: [PathGlob], rules: RuleConfiguration, override: RuleOverride? = nil, index: Int = 0) {
            self.globs = globs
            self.rules = rules
            self.override = override
            self.index = index
        }
    }

    public var base: RuleConfiguration
    public var scopes: [Scope]
    /// The configuration of each file some scope matches, worked out once (`prepared(for:)`).
    private var prepared: [String: RuleConfiguration] = [:]
    private let currentDirectory: String

    public init(base: RuleConfiguration = RuleConfiguration(), scopes: [Scope] = []) {
        self.base = base
        self.scopes = scopes
        self.currentDirectory = scopes.isEmpty ? "" : FileManager.default.currentDirectoryPath
    }

    /// The same scopes with the configurations of `files` (paths as shown) worked out, so that looking one up
    /// costs a dictionary read.
    public func prepared(for files: [String]) -> RuleScopes {
        guard !scopes.isEmpty else { return self }
        var copy = self
        for file in files where copy.prepared[file] == nil {
            let matched = matching(file)
            if !matched.isEmpty { copy.prepared[file] = matched.reduce(base) { $0.overlaid(with: $1.rules) } }
        }
        return copy
    }

    /// The configuration a finding in `file` (a path as shown) is judged by.
    public func configuration(for file: String) -> RuleConfiguration {
        guard !scopes.isEmpty else { return base }
        if let known = prepared[file] { return known }
        return matching(file).reduce(base) { $0.overlaid(with: $1.rules) }
    }

    /// The scopes whose globs match `file`, in order.
    public func matching(_ file: String) -> [Scope] {
        let absolute = DisplayPath.absolute(file, currentDirectory: currentDirectory)
        return scopes.filter { scope in scope.globs.contains { $0.matches(absolute: absolute) } }
    }

    /// Levels applied per file, as `RuleConfiguration.relevel` does for one configuration.
    public func relevel(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard !scopes.isEmpty else { return base.relevel(diagnostics) }
        return diagnostics.compactMap { diagnostic in
            guard let level = configuration(for: diagnostic.file).configuredLevel(of: diagnostic.rule) else { return diagnostic }
            guard let severity = level else { return nil }
            var copy = diagnostic
            copy.severity = severity
            return copy
        }
    }
}
