import YAMLTree

/// Drops the findings that inline suppressions silence, and reports the suppressions that silenced nothing.
package enum SuppressionFilter {
    /// `suppressions` are per display path. `knownRule` says whether an id names a rule (policies' ids included).
    /// A renamed rule's old id silences the rule by its new id, with a note, unless it names a policy; a rule's id
    /// also silences the rules split out of it (`RuleSplit`).
    package static func apply(
        _ diagnostics: [Diagnostic],
        suppressions: [String: [InlineSuppression]],
        scopes: RuleScopes,
        knownRule: (String) -> Bool,
        ruleIDs: [String],
        notJudged: (rules: Set<String>, files: Set<String>) = ([], [])
    ) -> [Diagnostic] {
        guard !suppressions.isEmpty else { return diagnostics }
        // Keyed by file and line so each finding looks at only the suppressions aimed at its own line.
        var byTarget: [String: [Int: [Int]]] = [:]
        for (file, list) in suppressions {
            for (index, suppression) in list.enumerated() {
                byTarget[file, default: [:]][suppression.targetLine, default: []].append(index)
            }
        }
        // The id each written rule stands for: itself, or a renamed rule's new id.
        func meaning(_ written: String) -> String {
            knownRule(written) ? written : RenamedRule.currentID(of: written) ?? written
        }
        var used: Set<String> = []
        func usedKey(_ file: String, _ index: Int, _ rule: Int) -> String { "\(file)\u{0}\(index)\u{0}\(rule)" }

        var kept: [Diagnostic] = []
        kept.reserveCapacity(diagnostics.count)
        for diagnostic in diagnostics {
            var silenced = false
            if !diagnostic.rule.hasPrefix("lint/"), let candidates = byTarget[diagnostic.file]?[diagnostic.range.start.line],
                let list = suppressions[diagnostic.file]
            {
                for index in candidates {
                    for (r, rule) in list[index].rules.enumerated()
                    where RuleSplit.names(meaning(rule.value), diagnostic.rule) {
                        used.insert(usedKey(diagnostic.file, index, r))
                        silenced = true
                    }
                }
            }
            if !silenced { kept.append(diagnostic) }
        }

        for (file, list) in suppressions {
            let configuration = scopes.configuration(for: file)
            var findings = Findings(file: file, configuration: configuration)
            // The lines a suppression on the line above silences: removing such a line with its suppression would make
            // that one silence the next line instead.
            let aimedAt = Set(list.lazy.filter(\.isOwnLine).map(\.targetLine))
            for (index, suppression) in list.enumerated() {
                var removal: Fix {
                    Fix.replace(
                        suppression.removal(keepingLine: aimedAt.contains(suppression.range.start.line)), in: file, with: "",
                        description: "Remove the unused suppression", applicability: .safe)
                }
                if suppression.rules.isEmpty {
                    findings.report(
                        UnusedSuppression.self, at: suppression.range, "this suppression names no rule",
                        help: "write `# procdef: ignore RULE -- reason`", fixes: [removal])
                }
                for rule in suppression.rules {
                    let current = meaning(rule.value)
                    if current != rule.value {
                        findings.report(
                            RenamedRule.self, at: rule.range, RenamedRule.message(oldID: rule.value, currentID: current),
                            help: "write '\(current)'")
                    }
                }
                var stale: [(index: Int, message: String, help: String, guess: String?)] = []
                for (r, rule) in suppression.rules.enumerated() where !used.contains(usedKey(file, index, r)) {
                    // A rule that did not judge this file this time (the catalogue rules on a partial check) silenced
                    // nothing because it said nothing: the suppression may still be needed.
                    if notJudged.files.contains(file) && notJudged.rules.contains(meaning(rule.value)) { continue }
                    // Nor did a rule that `--select` or `--ignore` left out of this run.
                    if let selection = configuration.selection {
                        let judged =
                            rule.value.hasSuffix("/*")
                            ? ruleIDs.contains { InlineSuppression.pattern(rule.value, matches: $0) && selection.includes($0) }
                            : selection.includes(meaning(rule.value))
                        if !judged { continue }
                    }
                    let isFamily = rule.value.hasSuffix("/*")
                    let exists =
                        isFamily
                        ? ruleIDs.contains { InlineSuppression.pattern(rule.value, matches: $0) } || rule.value == "policy/*"
                        : knownRule(meaning(rule.value))
                    if !exists {
                        let guess = Suggestion.closest(to: rule.value, among: ruleIDs)
                        stale.append(
                            (
                                r, "suppression names '\(rule.value)', which is not a rule",
                                guess.map { "did you mean '\($0)'?" } ?? "`procdef rules` lists every rule", guess
                            ))
                    } else {
                        let target = suppression.targetLine == suppression.range.start.line ? "on this line" : "on the next line"
                        stale.append(
                            (
                                r, "suppression of '\(rule.value)' silenced nothing: there is no such finding \(target)",
                                "remove the suppression, or move it onto the finding's line or the line above it", nil
                            ))
                    }
                }
                for entry in stale {
                    let rules = suppression.rules
                    let rule = rules[entry.index]
                    // The whole comment goes once every rule it names is stale; else only this rule, with the comma or
                    // space that parts it from its neighbour.
                    var fixes = [
                        stale.count == rules.count
                            ? removal
                            : Fix.replace(
                                entry.index > 0
                                    ? SourceRange(start: rules[entry.index - 1].range.end, end: rule.range.end)
                                    : SourceRange(start: rule.range.start, end: rules[1].range.start),
                                in: file, with: "", description: "Remove '\(rule.value)' from the suppression", applicability: .safe)
                    ]
                    // A misspelt id more likely meant a rule than nothing: the guess, unsafe, comes first.
                    if let guess = entry.guess {
                        fixes.insert(
                            .replace(
                                rule.range, in: file, with: guess, description: "Replace '\(rule.value)' with '\(guess)'",
                                applicability: .unsafe),
                            at: 0)
                    }
                    findings.report(UnusedSuppression.self, at: rule.range, entry.message, help: entry.help, fixes: fixes)
                }
                if suppression.reason == nil {
                    findings.report(
                        SuppressionWithoutReason.self, at: suppression.range, "this suppression gives no reason",
                        help:
                            "say why the finding is acceptable: `# procdef: ignore \(suppression.rules.map(\.value).joined(separator: ", ")) -- reason`"
                    )
                }
            }
            kept.append(contentsOf: findings.diagnostics)
        }
        return kept
    }
}
