import Foundation
import YAMLTree

/// Turns a `.procdef.yaml` into the rule configuration a check runs with, reporting unknown rules and options.
public enum ConfigResolver {
    /// The file name searched for, from the current directory up to the file-system root.
    public static let fileName = ".procdef.yaml"

    /// The nearest `.procdef.yaml` at or above `directory`, if any.
    public static func locate(from directory: String) -> String? {
        var url = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let candidate = url.appendingPathComponent(fileName).path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    /// Resolves every `rules:` entry against the known rules. `policyIDs` are the loaded policies' ids, each a rule
    /// `policy/<id>`. Exact ids beat family patterns (`handoff/*`) whatever their order in the file. A renamed rule's
    /// old id (`RenamedRule`) sets the rule, with a note, unless a policy has that id or the new id is written too.
    /// A rule's level sets the rules split out of it (`RuleSplit`) that have no entry of their own.
    public static func resolve(_ config: Config, rules catalogue: [RuleDescriptor], policyIDs: Set<String>) -> (
        RuleConfiguration, [Diagnostic]
    ) {
        let (configuration, diagnostics) = resolve(config.rules, in: config.file, rules: catalogue, policyIDs: policyIDs)
        // Each override's settings are checked as the top-level ones are, in the file that wrote them.
        let overrideFindings = config.overrides.flatMap { resolve($0.rules, in: $0.file, rules: catalogue, policyIDs: policyIDs).1 }
        return (configuration, diagnostics + overrideFindings)
    }

    /// The configuration `settings` (a `rules:` mapping written in `file`) make, and the findings about them.
    public static func resolve(_ settings: [RuleSetting], in file: String, rules catalogue: [RuleDescriptor], policyIDs: Set<String>)
        -> (RuleConfiguration, [Diagnostic])
    {
        var configuration = RuleConfiguration()
        var diagnostics: [Diagnostic] = []
        let byID = Dictionary(catalogue.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let families = Set(catalogue.map(\.family) + ["policy"])
        let knownIDs = catalogue.map(\.id) + policyIDs.sorted().map { "policy/\($0)" }

        func report<R: Rule>(_ rule: R.Type, _ range: SourceRange, _ message: String, help: String?) {
            diagnostics.append(
                Diagnostic(
                    file: file, range: range, severity: R.descriptor.defaultSeverity ?? .error, rule: R.descriptor.id,
                    message: message, help: help))
        }
        let written = Set(settings.map(\.pattern.value))

        for setting in settings {
            var pattern = setting.pattern.value
            if pattern.hasSuffix("/*") {
                let family = String(pattern.dropLast(2))
                guard families.contains(family) else {
                    let help =
                        Suggestion.closest(to: family, among: families.sorted()).map { "did you mean '\($0)/*'?" }
                        ?? "families are: \(families.sorted().joined(separator: ", "))"
                    report(UnknownConfiguredRule.self, setting.pattern.range, "no rule family '\(family)'", help: help)
                    continue
                }
                if let level = setting.level { configuration.familyLevels[family] = .some(level.value.severity) }
                for option in setting.options {
                    report(
                        UnknownKey.self, option.name.range,
                        "options are set per rule, not per family: '\(option.name.value)' under '\(pattern)'",
                        help: "move '\(option.name.value)' under the rule it belongs to")
                }
                continue
            }
            let isPolicy = pattern.hasPrefix("policy/") && policyIDs.contains(String(pattern.dropFirst("policy/".count)))
            // A renamed rule's old id sets the rule (a policy with that id wins); an entry under the new id beats it.
            if byID[pattern] == nil, !isPolicy, let current = RenamedRule.currentID(of: pattern) {
                report(
                    RenamedRule.self, setting.pattern.range, RenamedRule.message(oldID: pattern, currentID: current),
                    help: written.contains(current) ? "remove this entry: '\(current)' is set too, and wins" : "write '\(current)'")
                if written.contains(current) { continue }
                pattern = current
            }
            guard byID[pattern] != nil || isPolicy else {
                let help =
                    Suggestion.closest(to: pattern, among: knownIDs).map { "did you mean '\($0)'?" } ?? "`procdef rules` lists every rule"
                report(UnknownConfiguredRule.self, setting.pattern.range, "no rule '\(pattern)'", help: help)
                continue
            }
            if let level = setting.level { configuration.levels[pattern] = .some(level.value.severity) }
            let declared = byID[pattern]?.options ?? []
            for option in setting.options {
                guard let descriptor = declared.first(where: { $0.name == option.name.value }) else {
                    let names = declared.map(\.name)
                    let help =
                        Suggestion.closest(to: option.name.value, among: names).map { "did you mean '\($0)'?" }
                        ?? (names.isEmpty
                            ? "'\(pattern)' has no options; only `severity` can be set"
                            : "its options are: \(names.joined(separator: ", "))")
                    report(UnknownKey.self, option.name.range, "unknown option '\(option.name.value)' for rule '\(pattern)'", help: help)
                    continue
                }
                guard case .number(let value) = option.value.value, descriptor.allowed.contains(value) else {
                    report(
                        WrongType.self, option.value.range,
                        "option '\(descriptor.name)' of rule '\(pattern)' must be a number from \(format(descriptor.allowed.lowerBound)) to \(format(descriptor.allowed.upperBound))",
                        help: descriptor.summary)
                    continue
                }
                configuration.options[pattern, default: [:]][descriptor.name] = value
            }
        }
        // A level set for a rule sets the rules split out of it too, unless they have entries of their own.
        for split in RuleSplit.splits where configuration.levels[split.to] == nil && !written.contains(split.to) {
            if let level = configuration.levels[split.from] { configuration.levels[split.to] = level }
        }
        return (configuration, diagnostics)
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

extension ConfigResolver {
    /// Reads and decodes the configuration file at `path`, which must hold one `kind: config` document.
    public static func load(_ path: String, options: CheckOptions = CheckOptions()) throws(WorkspaceError) -> ActiveConfig {
        let loaded = try Workspace.load(paths: [path], options: options)
        var diagnostics = loaded.diagnostics
        let file = loaded.sources.first?.path ?? path
        let others = loaded.catalogues.count + loaded.processes.count + loaded.policies.count
        if loaded.configs.count != 1 || others > 0 {
            let found =
                loaded.configs.count > 1
                ? "holds \(loaded.configs.count) `kind: config` documents"
                : (others > 0 ? "holds other documents than `kind: config`" : "holds no `kind: config` document")
            if diagnostics.allSatisfy({ $0.severity != .error }) {
                diagnostics.append(
                    Diagnostic(
                        file: file, range: .fileStart, severity: .error, rule: UnknownKind.descriptor.id,
                        message: "the configuration file \(found)",
                        help: "a configuration file holds exactly one document, starting `kind: config`"))
            }
        }
        return ActiveConfig(config: loaded.configs.first, source: loaded.sources.first, diagnostics: diagnostics)
    }
}

extension Checker {
    /// Runs the check with the active configuration: its rule settings are resolved against the loaded workspace
    /// (policies are rules too), its findings join the report, and its files are kept for source snippets.
    /// `selection` is `--select`/`--ignore`, over the config.
    public static func check(
        _ workspace: Workspace, config active: ActiveConfig?, options: CheckOptions = CheckOptions(), selection: RuleSelection? = nil
    ) -> CheckReport {
        check(workspace, config: active, options: options, selection: selection, reusing: []).report
    }

    /// As `check(_:config:options:selection:)`, reusing the results of unchanged processes (`check(_:options:reusing:)`).
    package static func check(
        _ workspace: Workspace, config active: ActiveConfig?, options: CheckOptions, selection: RuleSelection?,
        reusing reused: [ProcessCheck?], processRoleUse: CatalogueRoleUse? = nil
    ) -> (report: CheckReport, processes: [ProcessCheck]) {
        var options = options
        var extra = active?.diagnostics ?? []
        let policyIDs = Set(workspace.policies.map(\.id.value))
        if let active, !active.layers.isEmpty {
            // Every file of the chain is checked in its own right; the merged settings are what the run uses.
            for layer in active.layers {
                extra += ConfigResolver.resolve(layer, rules: RuleRegistry.all, policyIDs: policyIDs).1
            }
            let scopes = active.ruleScopes(policyIDs: policyIDs, currentDirectory: FileManager.default.currentDirectoryPath)
            options.rules = scopes.base
            options.ruleScopes = scopes.scopes
            options.reviewEvery = active.setting(\.reviewEvery)?.value.value
            if let businessDay = active.setting(\.businessDay) { options.businessDay = businessDay.value.value }
            if let maxSilence = active.setting(\.maxSilence) { options.maxSilence = maxSilence.value.value }
        }
        options.rules.selection = selection
        var workspace = workspace
        let known = Set(workspace.sources.map(\.path))
        let added = (active?.sources ?? []).filter { !known.contains($0.path) }
        if !added.isEmpty {
            workspace.sources += added
            workspace.sources.sort { $0.path < $1.path }
        }
        var (report, processes) = check(workspace, options: options, reusing: reused, processRoleUse: processRoleUse)
        if !extra.isEmpty {
            let scopes = RuleScopes(base: options.rules, scopes: options.ruleScopes)
            report = report.replacingDiagnostics(
                WorkspaceLinker.unique((report.diagnostics + scopes.relevel(extra)).sorted(by: Diagnostic.precedes)))
        }
        return (report, processes)
    }
}
