extension RuleRegistry {
    /// The raci/* rules, in id order.
    static let raciRules: [any ProcessRule.Type] = [
        AccountableRequired.self,
        ConflictingAssignment.self,
        CustomerAccountable.self,
        IdleRole.self,
        OverloadedRole.self,
        ResponsibleIsAccountable.self,
        ResponsibleRequired.self,
        SingleAccountable.self,
        TooManyConsulted.self,
    ]
}

extension ProcessContext {
    /// The references of a RACI list that name a known role, each role once (its first reference), in the order
    /// written. Unknown roles are `ref/unknown-role`'s business, so the raci rules skip them.
    func knownRoles(_ references: [Located<String>]) -> [Located<String>] {
        ActivityRoles.known(references) { role($0) != nil }
    }

    /// A whole-number option (a limit or a count) of rule `R`: the default when the configured value is not a finite
    /// number, clamped to `minimum`, so no configuration can trap the conversion.
    func countOption<R: Rule>(_ name: String, of rule: R.Type, default value: Int, minimum: Int = 0) -> Int {
        let configured = option(name, of: rule, default: Double(value))
        guard configured.isFinite, configured < Double(Int32.max) else { return value }
        return max(minimum, Int(configured.rounded(.down)))
    }

    /// A share option (a fraction such as 0.7) of rule `R`: the default unless the configured value lies in 0...1.
    func shareOption<R: Rule>(_ name: String, of rule: R.Type, default value: Double) -> Double {
        let configured = option(name, of: rule, default: value)
        guard configured.isFinite, configured >= 0, configured <= 1 else { return value }
        return configured
    }
}

/// `90`, `66.7`: a percentage with at most one decimal, for messages.
func percentText(_ part: Int, of whole: Int) -> String {
    guard whole > 0 else { return "0" }
    return percentText(fraction: Double(part) / Double(whole))
}

/// `70`, `33.3`: a fraction in percent, with at most one decimal.
func percentText(fraction: Double) -> String {
    guard fraction.isFinite else { return "0" }
    let tenths = Int((fraction * 1000).rounded())
    return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
}
