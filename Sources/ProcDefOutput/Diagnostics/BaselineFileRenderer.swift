import ProcDef

/// Writes the baseline file (`Baseline`): a JSON object with one finding key a line, so the same findings give the
/// same bytes and the file's diff in review shows what was accepted or fixed.
package enum BaselineFileRenderer {
    package static let about =
        "Known findings that procdef check neither reports nor fails on: written by `procdef check --write-baseline`, which also prunes the fixed ones. See docs/configuration.md."

    package static func render(_ baseline: Baseline) -> String {
        var out = "{\n  \"version\": 1,\n  \"about\": "
        JSONEscaping.appendQuoted(about, to: &out)
        out += ",\n  \"findings\": ["
        for (index, entry) in baseline.entries.enumerated() {
            out += index == 0 ? "\n    " : ",\n    "
            let key = entry.key
            out += "{\"rule\": "
            JSONEscaping.appendQuoted(key.rule, to: &out)
            out += ", \"file\": "
            JSONEscaping.appendQuoted(key.file, to: &out)
            if let process = key.subjects.process {
                out += ", \"process\": "
                JSONEscaping.appendQuoted(process, to: &out)
            }
            if !key.subjects.activities.isEmpty {
                out += ", \"activities\": "
                appendList(key.subjects.activities, to: &out)
            }
            if !key.subjects.roles.isEmpty {
                out += ", \"roles\": "
                appendList(key.subjects.roles, to: &out)
            }
            if let policy = key.subjects.policy {
                out += ", \"policy\": "
                JSONEscaping.appendQuoted(policy, to: &out)
            }
            if let waiver = key.subjects.waiver {
                out += ", \"waiver\": {\"process\": "
                JSONEscaping.appendQuoted(waiver.process, to: &out)
                out += ", \"policy\": "
                JSONEscaping.appendQuoted(waiver.policy, to: &out)
                out += "}"
            }
            out += ", \"count\": \(entry.count)}"
        }
        out += baseline.entries.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return out
    }

    private static func appendList(_ items: [String], to out: inout String) {
        out += "["
        for (index, item) in items.enumerated() {
            if index > 0 { out += ", " }
            JSONEscaping.appendQuoted(item, to: &out)
        }
        out += "]"
    }
}
