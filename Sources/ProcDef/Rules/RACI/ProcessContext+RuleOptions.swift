extension ProcessContext {
    /// The references of a RACI list that name a known role, each role once (its first reference), in the order
    /// written. Unknown roles are `ref/unknown-role`'s business, so the raci rules skip them.
    func knownRoles(_ references: [Located<String>]) -> [Located<String>] {
        ActivityRoles.known(references) { role($0) != nil }
    }

    /// A whole-number option (a limit or a count) of rule `R`, its default taken from the option's descriptor (the
    /// one place it is written): the default when the configured value is not a finite number, clamped to the
    /// descriptor's lower bound, so no configuration can trap the conversion.
    func countOption<R: Rule>(_ descriptor: RuleOptionDescriptor, of rule: R.Type) -> Int {
        let fallback = Int(descriptor.defaultValue)
        let configured = option(descriptor.name, of: rule, default: descriptor.defaultValue)
        guard configured.isFinite, configured < Double(Int32.max) else { return fallback }
        return max(Int(descriptor.allowed.lowerBound), Int(configured.rounded(.down)))
    }

    /// A share option (a fraction such as 0.7) of rule `R`, its default from the option's descriptor: the default
    /// unless the configured value lies in 0...1.
    func shareOption<R: Rule>(_ descriptor: RuleOptionDescriptor, of rule: R.Type) -> Double {
        let configured = option(descriptor.name, of: rule, default: descriptor.defaultValue)
        guard configured.isFinite, configured >= 0, configured <= 1 else { return descriptor.defaultValue }
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
