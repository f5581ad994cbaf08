import ProcDef

/// Renders findings as a GitLab Code Quality report (a JSON array), shown in merge-request widgets.
///
/// Each finding carries a fingerprint that stays the same while the finding does: it hashes the rule, the file,
/// the message and the finding's rank among identical ones, but not its line, so an edit above a finding does not
/// make GitLab report it as fixed and new again.
package struct GitLabCodeQualityRenderer: Sendable {
    package init() {}

    package func render(_ report: CheckReport) -> String {
        var seen: [String: Int] = [:]
        var out = "["
        for (index, diagnostic) in report.diagnostics.enumerated() {
            let identity = "\(diagnostic.rule)\u{0}\(diagnostic.file)\u{0}\(diagnostic.message)"
            let rank = seen[identity, default: 0]
            seen[identity] = rank + 1
            out += index == 0 ? "\n" : ",\n"
            out += "  {\n    \"description\": "
            JSONEscaping.appendQuoted(diagnostic.help.map { "\(diagnostic.message) (help: \($0))" } ?? diagnostic.message, to: &out)
            out += ",\n    \"check_name\": "
            JSONEscaping.appendQuoted(diagnostic.rule, to: &out)
            out += ",\n    \"fingerprint\": "
            JSONEscaping.appendQuoted(Self.fingerprint("\(identity)\u{0}\(rank)"), to: &out)
            out += ",\n    \"severity\": "
            JSONEscaping.appendQuoted(Self.severity(diagnostic.severity), to: &out)
            out += ",\n    \"location\": {\n      \"path\": "
            JSONEscaping.appendQuoted(diagnostic.file, to: &out)
            out += ",\n      \"positions\": {\n"
            out +=
                "        \"begin\": {\"line\": \(max(1, diagnostic.range.start.line)), \"column\": \(max(1, diagnostic.range.start.column))},\n"
            out += "        \"end\": {\"line\": \(max(1, diagnostic.range.end.line)), \"column\": \(max(1, diagnostic.range.end.column))}\n"
            out += "      }\n    }\n  }"
        }
        out += report.diagnostics.isEmpty ? "]\n" : "\n]\n"
        return out
    }

    /// GitLab's scale: info, minor, major, critical, blocker.
    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: "major"
        case .warning: "minor"
        case .note: "info"
        }
    }

    /// 128 bits of two FNV-1a passes, as 32 hex digits: stable across runs and platforms, no dependency needed.
    static func fingerprint(_ text: String) -> String {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in text.utf8 {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            b = (b << 13) | (b >> 51)
        }
        func hex(_ value: UInt64) -> String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return hex(a) + hex(b)
    }
}
