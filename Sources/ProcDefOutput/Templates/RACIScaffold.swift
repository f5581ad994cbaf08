import Foundation
import ProcDef

/// The process `procdef init ID --from-csv FILE` writes: the spreadsheet's RACI matrix, its rows as the flow, and
/// nothing the spreadsheet does not say.
///
/// No owner, no default accountable role, no role kinds, no handoffs and no procedures are made up: `procdef check`
/// then lists each as a finding, and those findings are the work left to do. Two accountable roles in one row are
/// written as found, for `raci/single-accountable` to report. The activities follow the rows; with no `next`, each
/// goes on to the one below it and the last ends the process.
///
/// A role column whose header is the id of a catalogue role, or spells its id or its name in a person's words
/// (`Change Manager`), refers to that role; any other becomes a process-local role with the header as its name.
package struct RACIScaffold: Sendable {
    /// The `when` of a `C*` or `I*` cell: a spreadsheet keeps the condition in a footnote procdef cannot read.
    static let conditionPlaceholder = "the condition of the spreadsheet's C* or I* (write it here)"
    package let id: String
    package let spreadsheet: RACISpreadsheet
    /// The role id of each column, in the order of `spreadsheet.roles`.
    package let roleIDs: [String]
    /// The activity id of each row, in the order of `spreadsheet.rows`.
    package let activityIDs: [String]
    /// The columns' catalogue roles, in column order.
    package let catalogueRolesUsed: [String]
    /// The file name shown in the header comment.
    package let source: String
    /// The process-local roles: id and name, in column order.
    let localRoles: [(id: String, name: String)]

    /// `id` must be a valid id (`Identifier.isValid`); `catalogue` maps the catalogue's role ids to their names.
    /// Throws when two columns are the same role, or a header has nothing to make a role id from.
    package init(id: String, spreadsheet: RACISpreadsheet, catalogue: [String: String], source: String) throws(SpreadsheetError) {
        self.id = id
        self.spreadsheet = spreadsheet
        self.source = source

        var byName: [String: [String]] = [:]
        for (roleID, name) in catalogue { byName[RACISpreadsheet.normalized(name), default: []].append(roleID) }

        var roleIDs: [String] = []
        var used: [String] = []
        var locals: [(id: String, name: String)] = []
        var columnOfRole: [String: RACISpreadsheet.RoleColumn] = [:]
        for column in spreadsheet.roles {
            let derived = Self.identifier(from: column.header)
            let named = byName[RACISpreadsheet.normalized(column.header)].flatMap { $0.count == 1 ? $0.first : nil }
            let roleID: String
            if let derived, catalogue[derived] != nil {
                roleID = derived
                used.append(roleID)
            } else if let named {
                roleID = named
                used.append(roleID)
            } else if let derived {
                roleID = derived
                locals.append((derived, column.header))
            } else {
                throw SpreadsheetError(
                    line: spreadsheet.headerLine,
                    "column \(column.column) (\(Quoting.quoted(column.header))): no role id can be made from the header",
                    help: "name the role with Latin letters or digits, or write its id (kebab-case, like change-manager) as the header"
                )
            }
            if let earlier = columnOfRole[roleID] {
                throw SpreadsheetError(
                    line: spreadsheet.headerLine,
                    "column \(column.column) (\(Quoting.quoted(column.header))) is the same role as column \(earlier.column) (\(Quoting.quoted(earlier.header))): '\(roleID)'",
                    help: "keep one column per role: merge the two"
                )
            }
            columnOfRole[roleID] = column
            roleIDs.append(roleID)
        }
        self.roleIDs = roleIDs
        self.catalogueRolesUsed = used
        self.localRoles = locals
        self.activityIDs = Self.activityIDs(spreadsheet.rows)
    }

    /// Ids the sheet gives are kept as written (the checker judges them); the others are made from the names, and
    /// a name that repeats one taken before gets `-2`, `-3`... in row order.
    static func activityIDs(_ rows: [RACISpreadsheet.Row]) -> [String] {
        let bases = rows.enumerated().map { index, row in row.id ?? identifier(from: row.name) ?? "activity-\(index + 1)" }
        var taken = Set(rows.compactMap(\.id))
        var ids: [String?] = Array(repeating: nil, count: rows.count)
        // A name's own id goes to its first row before any suffixed id is chosen, so `Log 2` keeps `log-2` even when
        // a second `Log` comes before it.
        for (index, row) in rows.enumerated() {
            if row.id != nil {
                ids[index] = row.id
            } else if taken.insert(bases[index]).inserted {
                ids[index] = bases[index]
            }
        }
        for index in rows.indices where ids[index] == nil {
            var number = 2
            while taken.contains("\(bases[index])-\(number)") { number += 1 }
            ids[index] = "\(bases[index])-\(number)"
            taken.insert("\(bases[index])-\(number)")
        }
        return ids.map { $0 ?? "" }
    }

    static let maxDerivedLength = 40

    /// The id `words` are, when they are one (`change-manager`, whatever its length: a header from `procdef build`'s
    /// CSV); else a kebab-case id made from them, accents dropped (`Équipe réseau` -> `equipe-reseau`), cut at a word
    /// boundary to at most 40 characters. Nil when the words hold no Latin letter or digit.
    static func identifier(from words: String) -> String? {
        if Identifier.isValid(words) { return words }
        let folded = String(words.folding(options: .diacriticInsensitive, locale: nil).unicodeScalars.prefix(200))
        guard var id = Identifier.kebabCased(folded) else { return nil }
        if id.count > maxDerivedLength {
            let head = id.prefix(maxDerivedLength + 1)
            id = head.lastIndex(of: "-").map { String(head[..<$0]) } ?? String(id.prefix(maxDerivedLength))
        }
        return id
    }

    /// The process's name, made from its id as `procdef init` does: the spreadsheet has none.
    var title: String { ProcessTemplate(id: id).title }

    package func render() -> String {
        var lines: [String] = [
            "# \(title): written by `procdef init \(id) --from-csv \(Quoting.shortened(source))`.",
            "# The RACI matrix is the spreadsheet's. The activities follow its rows: each",
            "# goes on to the one below it, and the last ends the process.",
            "#",
            "# Nothing the spreadsheet does not say is made up. Run `procdef check` to list",
            "# what is missing (the process owner, an accountable role where a row has no",
            "# A, a handoff wherever the work changes hands), fill it in, and add",
            "# procedures. The format is described in docs/format.md.",
            "kind: process",
            "id: \(YAMLEscaping.scalar(id))",
            "name: \(YAMLEscaping.scalar(title))",
        ]
        if !localRoles.isEmpty {
            lines += [
                "",
                "# Roles the role catalogue does not have. Each needs a kind (owner, manager,",
                "# practitioner, customer, supplier or stakeholder). A role other processes",
                "# share belongs in the catalogue (a file with kind: roles).",
                "roles:",
            ]
            for role in localRoles {
                lines.append("  \(YAMLEscaping.scalar(role.id)):")
                lines.append("    name: \(YAMLEscaping.scalar(role.name))")
            }
        }
        lines += ["", "activities:"]
        for (index, row) in spreadsheet.rows.enumerated() {
            if index > 0 { lines.append("") }
            lines.append("  - id: \(YAMLEscaping.scalar(activityIDs[index]))")
            lines.append("    name: \(YAMLEscaping.scalar(row.name))")
            func roles(_ letter: RACIMatrix.Letter) -> [String] {
                zip(roleIDs, row.cells).filter { $0.1.contains(letter) }.map { YAMLEscaping.scalar($0.0) }
            }
            // One responsible or accountable role as a plain id, as the format's examples write it; a list for
            // several, which `raci/single-accountable` reports for A.
            for (key, letter) in [("responsible", RACIMatrix.Letter.responsible), ("accountable", .accountable)] {
                let ids = roles(letter)
                if ids.count == 1 { lines.append("    \(key): \(ids[0])") }
                if ids.count > 1 { lines.append("    \(key): [\(ids.joined(separator: ", "))]") }
            }
            for (key, letter) in [("consulted", RACIMatrix.Letter.consulted), ("informed", .informed)] {
                let ids = roles(letter)
                guard !ids.isEmpty else { continue }
                let conditional = zip(roleIDs, row.cells).filter { $0.1.isConditional(letter) }.map { YAMLEscaping.scalar($0.0) }
                guard !conditional.isEmpty else {
                    lines.append("    \(key): [\(ids.joined(separator: ", "))]")
                    continue
                }
                // A `C*` or `I*` cell: the spreadsheet's footnote has the condition, which the owner writes in.
                lines.append("    \(key):")
                for id in ids {
                    lines.append(
                        conditional.contains(id)
                            ? "      - {role: \(id), when: \(YAMLEscaping.scalar(Self.conditionPlaceholder))}" : "      - \(id)")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
