import ProcDef

/// Where each emitted file goes inside `--out`, and the rule that keeps every path inside it.
///
/// Only ids that are kebab-case (`[a-z0-9]+(-[a-z0-9]+)*`) and at most `Identifier.maxLength` characters long, what
/// `schema/invalid-id` enforces, become file names: such an id has no `/`, no `..`, no leading dot and no character a
/// file system treats specially. Anything else gets no path at all, so nothing is ever written outside `--out`, even
/// when a build runs with `--allow-errors`.
package enum OutputLayout {
    package static let index = "index.md"
    /// The handoff map of every process, linked from the index and from each runbook's handoff table.
    package static let handoffs = "handoffs.md"
    package static let landscape = "diagrams/landscape.dot"
    /// Every role's id, name, kind and team, beside the RACI matrices whose headers name role ids.
    package static let roles = "raci/roles.csv"
    /// Written into every build, and required in an existing `--out` before a build replaces it: a guard against
    /// `--out` naming a folder of something else (the sources, a home directory) that a swap would delete.
    package static let marker = ".procdef-build"

    /// Whether `id` may become part of a file name: a valid id (`Identifier.isValid`, the rule the checker applies)
    /// of at most `Identifier.maxLength` characters, a length every file system accepts.
    ///
    /// The checker reports a longer id (`schema/invalid-id`), so a build without `--allow-errors` never meets one;
    /// the length is measured here again all the same, so that what reaches the file system does not rest on the
    /// checker alone.
    package static func isSafeID(_ id: String) -> Bool {
        id.utf8.count <= Identifier.maxLength && Identifier.isValid(id)
    }

    /// `runbooks/<id>.md`, or nil for an id that may not become a file name.
    package static func runbook(_ id: String) -> String? { path("runbooks", id, "md") }
    /// `diagrams/<id>.<ext>` (`dot`, `svg`, `png`), or nil.
    package static func diagram(_ id: String, _ ext: String = "dot") -> String? { path("diagrams", id, ext) }
    /// `diagrams/<id>.blueprint.<ext>`: the process's service blueprint, or nil.
    package static func blueprint(_ id: String, _ ext: String = "dot") -> String? {
        isSafeID(id) ? "diagrams/\(id).\(blueprintMark).\(ext)" : nil
    }
    /// The middle part of a blueprint's file name.
    static let blueprintMark = "blueprint"
    /// `raci/<id>.csv`, or nil.
    package static func raci(_ id: String) -> String? { path("raci", id, "csv") }

    private static func path(_ folder: String, _ id: String, _ ext: String) -> String? {
        isSafeID(id) ? "\(folder)/\(id).\(ext)" : nil
    }

    /// Whether a relative path is one this layout produces: one or two components, each a safe id with an optional
    /// `.ext` (or `.blueprint.ext`), or the marker. `OutputTree` refuses any other path.
    package static func isValidPath(_ path: String) -> Bool {
        if path == marker { return true }
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(components.count) else { return false }
        return components.allSatisfy { component in
            let parts = component.split(separator: ".", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count) || (parts.count == 3 && parts[1] == blueprintMark) else { return false }
            return parts.allSatisfy { isSafeID(String($0)) }
        }
    }
}
