import ArgumentParser
import Foundation
import ProcDef
import ProcDefOutput

/// `procdef config [PATH]`: the settings a file is checked with, and where each one came from.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the resolved settings for a path, and where each value came from.",
        discussion: """
            Reads the configuration as check does (the nearest .procdef.yaml, or --config, and the files its \
            `extends` names) and prints, for PATH: the config files in the order they are merged, each setting with \
            the file and line that set it (or `default`), whether PATH is excluded and by which glob, the overrides \
            that apply to it, and every rule's severity and options there with their source. Without PATH, the \
            settings outside any override. Exit codes: 0 printed, 2 the configuration cannot be read.
            """
    )

    @Argument(help: ArgumentHelp("The file (or folder) whose settings to print.", valueName: "path"))
    var path: String?

    @Option(
        help: ArgumentHelp("The configuration file (default: the nearest .procdef.yaml from the current directory up).", valueName: "file"))
    var config: String?

    func run() throws {
        let active = try CheckSession.activeConfig(explicit: config, options: CheckOptions())
        for diagnostic in active?.diagnostics ?? [] where diagnostic.severity == .error {
            Terminal.writeError(
                "warning: \(diagnostic.file):\(diagnostic.range.start.line):\(diagnostic.range.start.column): \(diagnostic.message) [\(diagnostic.rule)]"
            )
        }
        Terminal.write(ResolvedSettings(active: active, path: path, currentDirectory: CheckSession.currentDirectory).text)
    }
}

/// The text `procdef config` prints.
struct ResolvedSettings {
    var active: ActiveConfig?
    var path: String?
    var currentDirectory: String

    var text: String {
        var out = ""
        if let path { out += "Settings for \(DisplayPath.make(path, currentDirectory: currentDirectory))\n\n" }
        guard let active, !active.layers.isEmpty else {
            out += "No configuration file: no .procdef.yaml here or in a folder above, so every setting is its default.\n\n"
            return out + rules(active: nil)
        }
        out += "Config files, merged in this order (a later one wins):\n"
        for layer in active.layers {
            let extends = layer.extends.map(\.value)
            out += "  \(layer.file)" + (extends.isEmpty ? "" : "  (extends \(extends.joined(separator: ", ")))") + "\n"
        }
        out += "\nSettings:\n"
        var rows: [(String, String, String)] = []
        func source(_ file: String, _ line: Int) -> String { "\(file):\(line)" }
        if let paths = active.paths {
            rows.append(("paths", paths.values.map(\.value).joined(separator: ", "), source(paths.file, paths.values[0].range.start.line)))
        } else {
            rows.append(("paths", CheckSession.defaultPaths.joined(separator: ", "), "default"))
        }
        if let out = active.setting(\.out) {
            rows.append(("out", out.value.value, source(out.file, out.value.range.start.line)))
        } else {
            rows.append(("out", "out", "default"))
        }
        if let baseline = active.setting(\.baseline) {
            rows.append(("baseline", baseline.value.value, source(baseline.file, baseline.value.range.start.line)))
        } else {
            rows.append(("baseline", Baseline.defaultFileName, "default"))
        }
        if let docs = active.setting(\.docsURL) {
            rows.append(("docs-url", docs.value.value, source(docs.file, docs.value.range.start.line)))
        } else {
            rows.append(("docs-url", FindingReferences.defaultDocsURL, "default"))
        }
        func time(_ name: String, _ key: KeyPath<Config, Located<TimeTarget>?>, _ fallback: String) {
            if let setting = active.setting(key) {
                rows.append(
                    (
                        name, "\(setting.value.value.amount)\(setting.value.value.unit.rawValue)",
                        source(setting.file, setting.value.range.start.line)
                    ))
            } else {
                rows.append((name, fallback, "default"))
            }
        }
        time("review-every", \.reviewEvery, "none")
        time("business-day", \.businessDay, "8h")
        time("max-silence", \.maxSilence, "1d")
        let excludes = active.layers.flatMap { layer in layer.exclude.map { ($0, layer.file) } }
        if excludes.isEmpty { rows.append(("exclude", "none", "default")) }
        for (index, (glob, file)) in excludes.enumerated() {
            rows.append((index == 0 ? "exclude" : "", glob.value, source(file, glob.range.start.line)))
        }
        for entry in EffectiveLimits(configs: active.layers).entries {
            let value = entry.limit.syntax.format(entry.value)
            let from: String
            switch entry.source {
            case .config(let file, let line): from = "\(file):\(line)"
            default: from = entry.source.description
            }
            rows.append((entry.limit.name, value, from))
        }
        out += table(rows)

        if let path {
            let absolute = CheckSession.absolute(path)
            out += "\n"
            let matching = active.excludes(currentDirectory: currentDirectory).filter { $0.matches(absolute: absolute) }
            if let glob = matching.first {
                out += "Excluded: yes, by '\(glob.text)'; a folder walk passes it over (named on the command line, it is read).\n"
            } else {
                out += "Excluded: no.\n"
            }
            let overrides = applying(active)
            if overrides.isEmpty {
                out += "Overrides that apply: none.\n"
            } else {
                out += "Overrides that apply, in order:\n"
                for (index, override) in overrides {
                    out +=
                        "  override \(index + 1) at \(override.file):\(override.range.start.line) (paths: \(override.paths.map(\.value).joined(separator: ", ")))\n"
                }
            }
        } else if !active.overrides.isEmpty {
            out +=
                "\n\(active.overrides.count) override\(active.overrides.count == 1 ? "" : "s") apply to some files: give a path to see them applied.\n"
        }
        return out + "\n" + rules(active: active)
    }

    /// The policy ids the config's entries name: `policy/<id>`, but not a renamed rule's old id
    /// (`policy/waiver-expired`).
    private func policyIDs(_ active: ActiveConfig?) -> Set<String> {
        Set(
            (active?.ruleSettings ?? []).map(\.pattern.value)
                .filter { $0.hasPrefix("policy/") && !$0.hasSuffix("/*") && RenamedRule.currentID(of: $0) == nil }
                .map { String($0.dropFirst(7)) })
    }

    /// The rules as check resolves them here.
    private func scopes(_ active: ActiveConfig?) -> RuleScopes {
        active?.ruleScopes(policyIDs: policyIDs(active), currentDirectory: currentDirectory) ?? RuleScopes()
    }

    /// The overrides that apply to the path, in order, with their index among all overrides.
    private func applying(_ active: ActiveConfig?) -> [(Int, RuleOverride)] {
        guard let path else { return [] }
        return scopes(active).matching(path).compactMap { scope in scope.override.map { (scope.index, $0) } }
    }

    /// Every rule with its severity and options for the path, as check resolves them, and the entry that set each.
    private func rules(active: ActiveConfig?) -> String {
        var rows: [(String, String, String)] = []
        let overrides = applying(active)
        let policyIDs = policyIDs(active)
        let resolved = scopes(active)
        let configuration = path.map { resolved.configuration(for: $0) } ?? resolved.base
        let ids = RuleRegistry.all.map(\.id) + policyIDs.sorted().map { "policy/\($0)" }
        for id in ids {
            let descriptor = RuleRegistry.descriptor(for: id)
            let severity: Severity? =
                descriptor.map { configuration.severity(of: $0) } ?? (configuration.configuredLevel(of: id) ?? .some(.warning))
            var shown = severity?.rawValue ?? "off"
            if descriptor == nil && configuration.configuredLevel(of: id) == nil { shown = "the policy's own" }
            if let options = configuration.options[id], !options.isEmpty {
                shown +=
                    " (" + options.sorted { $0.key < $1.key }.map { "\($0.key) \(Self.number($0.value))" }.joined(separator: ", ") + ")"
            }
            rows.append((id, shown, source(of: id, active: active, overrides: overrides)))
        }
        return "Rules:\n" + table(rows)
    }

    /// The entry that set `id`'s level, read as the resolver reads entries: the last override that applies and sets
    /// it, else the top level. In each, the rule's own entry wins, then the entry of the rule it was split from, then
    /// its family's. An entry that only sets options sets no level. `default` when no entry does.
    private func source(of id: String, active: ActiveConfig?, overrides: [(Int, RuleOverride)]) -> String {
        guard let active else { return "default" }
        let family = (id.split(separator: "/").first.map(String.init) ?? id) + "/*"
        let splitFrom = RuleSplit.splits.first { $0.to == id }?.from
        func own(_ rule: String) -> (RuleSetting) -> Bool {
            { ($0.pattern.value == rule || RenamedRule.currentID(of: $0.pattern.value) == rule) && $0.level != nil }
        }
        let ofFamily: (RuleSetting) -> Bool = { $0.pattern.value == family && $0.level != nil }
        var candidates: [(test: (RuleSetting) -> Bool, prefix: String)] = [(own(id), "")]
        if let splitFrom { candidates.append((own(splitFrom), "as \(splitFrom): ")) }
        candidates.append((ofFamily, ""))
        for (index, override) in overrides.reversed() {
            for candidate in candidates {
                if let setting = override.rules.last(where: candidate.test) {
                    return candidate.prefix + "override \(index + 1), \(override.file):\(setting.pattern.range.start.line)"
                }
            }
        }
        for candidate in candidates {
            for layer in active.layers.reversed() {
                if let setting = layer.rules.last(where: candidate.test) {
                    return candidate.prefix + "\(layer.file):\(setting.pattern.range.start.line)"
                }
            }
        }
        return "default"
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    private func table(_ rows: [(String, String, String)]) -> String {
        let first = rows.map(\.0.count).max() ?? 0
        let second = rows.map(\.1.count).max() ?? 0
        return rows.map { row in
            "  " + row.0.padding(toLength: first, withPad: " ", startingAt: 0) + "  "
                + row.1.padding(toLength: second, withPad: " ", startingAt: 0) + "  " + row.2
        }.joined(separator: "\n") + "\n"
    }
}
