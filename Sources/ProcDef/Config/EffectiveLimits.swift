/// Where the value of a safety limit came from.
package enum LimitSource: Sendable, Hashable, CustomStringConvertible {
    case defaultValue
    /// An entry under `limits:` in the configuration file, on this line.
    case config(file: String, line: Int)
    /// A flag on the command line, such as `--max-depth`.
    case commandLine(flag: String)

    package var description: String {
        switch self {
        case .defaultValue: "default"
        case .config(let file, let line): "\(file) line \(line)"
        case .commandLine(let flag): flag
        }
    }
}

/// The safety limits a run applies to the files it checks, each with its source: a flag beats the config, which
/// beats the default.
///
/// The config can only have lowered a limit: the decoder keeps no entry above the default (`LimitSetting`), so a
/// pull request that edits `.procdef.yaml` cannot widen what a hostile file may cost CI. The config file itself is
/// read before any of this is known, under the defaults or the flags.
package struct EffectiveLimits: Sendable, Equatable {
    package struct Entry: Sendable, Hashable {
        package var limit: InputLimit
        package var value: Int
        package var source: LimitSource

        package init(limit: InputLimit, value: Int, source: LimitSource) {
            self.limit = limit
            self.value = value
            self.source = source
        }
    }

    /// One entry for each limit, in `InputLimit.all`'s order.
    package var entries: [Entry]

    /// `flags`: the limits given on the command line.
    package init(config: Config?, flags: [InputLimit: Int] = [:]) {
        self.init(configs: config.map { [$0] } ?? [], flags: flags)
    }

    /// `configs`: the files of a config's `extends` chain, the active one last; the last that sets a limit wins.
    package init(configs: [Config], flags: [InputLimit: Int] = [:]) {
        entries = InputLimit.all.map { limit in
            if let value = flags[limit] {
                return Entry(limit: limit, value: value, source: .commandLine(flag: limit.flag))
            }
            for config in configs.reversed() {
                guard let setting = config.limits.first(where: { $0.limit == limit }) else { continue }
                return Entry(
                    limit: limit, value: setting.value.value, source: .config(file: config.file, line: setting.name.range.start.line))
            }
            return Entry(limit: limit, value: limit.defaultValue, source: .defaultValue)
        }
    }

    /// `options` with every limit set to its effective value.
    package func applied(to options: CheckOptions) -> CheckOptions {
        var options = options
        for entry in entries { entry.limit.set(entry.value, in: &options) }
        return options
    }
}
