import ProcDef

/// The new process `procdef init` writes: small, complete, and clean under `procdef check --strict` as written.
///
/// It shows what a process needs (owner, manager, case owner, procedures, a decision with conditions, handoffs
/// on both kinds of transition) and is meant to be edited. Roles come from the repository's catalogue where it
/// has a role of the right id and kind; the others are defined as process-local roles, under ids the catalogue
/// does not use, since a local role may not redefine a catalogue role.
package struct ProcessTemplate: Sendable {
    package var id: String
    /// The catalogue's roles by id, with their kinds.
    package var catalogue: [String: RoleKind]

    /// `id` must be a valid id (`Identifier.isValid`): it becomes part of role ids and is written unquoted, except
    /// where YAML would read it as something else (`null`, `404`).
    package init(id: String, catalogue: [String: RoleKind] = [:]) {
        self.id = id
        self.catalogue = catalogue
    }

    /// A part the template needs a role for, and the local role that stands in when the catalogue has none.
    struct Slot {
        var kind: RoleKind
        /// Catalogue ids that fit, best first.
        var candidates: [String]
        var localID: String
        var localName: String
        var localTeam: String?
    }

    /// A slot's role: a catalogue id, or a local role to define.
    struct Assignment {
        var id: String
        var isLocal: Bool
        var slot: Slot
    }

    var title: String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    var roles: (owner: Assignment, manager: Assignment, desk: Assignment, fulfiller: Assignment) {
        (
            owner: assign(
                Slot(
                    kind: .owner, candidates: ["\(id)-process-owner", "\(id)-owner"], localID: Self.fitted(id, "-owner"),
                    localName: "\(title) Process Owner")),
            manager: assign(
                Slot(
                    kind: .manager, candidates: ["\(id)-manager", "service-desk-lead"], localID: Self.fitted(id, "-manager"),
                    localName: "\(title) Manager")),
            desk: assign(
                Slot(
                    kind: .practitioner, candidates: ["service-desk"], localID: "service-desk", localName: "Service Desk Analyst",
                    localTeam: "Service Desk")),
            fulfiller: assign(
                Slot(
                    kind: .practitioner, candidates: ["fulfilment-team", "application-support"], localID: "fulfilment-team",
                    localName: "Fulfilment Team", localTeam: "Fulfilment"))
        )
    }

    /// The customer, told at the start and at the end, when the catalogue has one: a usual id, else its first
    /// customer role by id. Never a local role: a role that is only ever informed belongs in the catalogue
    /// (`raci/idle-role`).
    var customer: String? {
        let usual = ["requester", "end-user", "affected-user", "user", "customer"].first { catalogue[$0] == .customer }
        return usual ?? catalogue.filter { $0.value == .customer }.keys.min()
    }

    /// The catalogue role for `slot`, or a local role under the first id the catalogue leaves free.
    func assign(_ slot: Slot) -> Assignment {
        if let id = slot.candidates.first(where: { catalogue[$0] == slot.kind }) {
            return Assignment(id: id, isLocal: false, slot: slot)
        }
        var localID = slot.localID
        var number = 2
        while catalogue[localID] != nil {
            localID = Self.fitted(slot.localID, "-\(number)")
            number += 1
        }
        return Assignment(id: localID, isLocal: true, slot: slot)
    }

    /// `base` and `suffix` joined into an id of at most `Identifier.maxLength` characters: a long process id is cut
    /// (at no trailing hyphen) to make room, so that the roles derived from it are valid ids too.
    static func fitted(_ base: String, _ suffix: String) -> String {
        let room = Identifier.maxLength - suffix.utf8.count
        guard base.utf8.count > room else { return base + suffix }
        var cut = String(base.prefix(room))
        while cut.hasSuffix("-") { cut.removeLast() }
        return cut + suffix
    }

    /// The catalogue roles the file refers to, in the order they first appear.
    package var catalogueRolesUsed: [String] {
        let roles = self.roles
        return [roles.owner, roles.manager, roles.desk, roles.fulfiller].filter { !$0.isLocal }.map(\.id) + (customer.map { [$0] } ?? [])
    }

    package func render() -> String {
        let (owner, manager, desk, fulfiller) = roles
        let customer = self.customer
        let locals = [owner, manager, desk, fulfiller].filter(\.isLocal)

        var lines: [String] = []
        lines += [
            "# \(title): written by `procdef init \(id)`.",
            "# Replace the placeholder texts with your own, rename and add activities,",
            "# then run `procdef check --strict`. The format is described in docs/format.md.",
            "#",
            "# Flow (one line per path):",
            "#   log -> fulfil -> verify -> close",
            "#   log -> close                        (rejected, withdrawn or a duplicate)",
            "#",
            "# The case owner owns every case end to end: it is told at every step it",
            "# does not do itself, and it closes the case.",
            "kind: process",
            "id: \(Self.plainText(id))",
            "name: \(Self.plainText(title))",
            "version: 1",
            "purpose: >-",
            "  Why this process exists, in a sentence or two: what it achieves for the",
            "  customer and for the organisation.",
            "owner: \(owner.id)",
            "manager: \(manager.id)",
            "case-owner: \(desk.id)",
        ]
        if customer != nil {
            lines.append("tags: [customer-facing]")
        }
        lines += [
            "trigger: What starts a case, for example a request raised in the service portal.",
            "outcome: >-",
            "  What a finished case looks like, for example the request fulfilled, the",
            "  requester told, and the record closed.",
            "defaults:",
            "  accountable: \(manager.id)",
        ]
        if !locals.isEmpty {
            lines.append("")
            lines.append("# Roles of this process only. Roles that other processes share belong in the")
            lines.append("# role catalogue (a file with kind: roles), and so do customers, who are only")
            lines.append("# ever informed: add one there and list it under informed where they are told.")
            lines.append("roles:")
            for role in locals {
                lines.append("  \(role.id):")
                lines.append("    name: \(Self.plainText(role.slot.localName))")
                lines.append("    kind: \(role.slot.kind.rawValue)")
                if let team = role.slot.localTeam { lines.append("    team: \(Self.plainText(team))") }
            }
        }
        lines += [
            "",
            "activities:",
            "  - id: log",
            "    name: Log and assess the request",
            "    responsible: \(desk.id)",
        ]
        if let customer { lines.append("    informed: [\(customer)]") }
        lines += [
            "    records: [\(Self.plainText(id))]",
            "    outputs: [request-record]",
            "    target: 30m",
            "    tags: [intake]",
            "    procedure:",
            "      - Create the record with the requester, what they need and by when.",
            "      - Check that the request is complete and approved by whoever must approve it.",
            "      - Give the requester the record number and tell them what happens next.",
            "    next:",
            "      - to: fulfil",
            "        when: The request is complete and approved.",
            "        handoff:",
            "          artifact: request-record",
            "          expectation: The fulfilment team starts work within 1 business day.",
            "      - to: close",
            "        when: The request is rejected, withdrawn or a duplicate.",
            "",
            "  - id: fulfil",
            "    name: Fulfil the request",
            "    responsible: \(fulfiller.id)",
            // The requester hears when the work starts: the fulfilment's two days are otherwise days without news.
            "    informed: [\(customer.map { "\(desk.id), \($0)" } ?? desk.id)]",
            "    inputs: [request-record]",
            "    outputs: [fulfilment-notes]",
            "    target: 2d",
            "    procedure:",
            "      - Do the work the request asks for, following the team's own work instructions.",
            "      - Write down what was done, and anything the requester must do themselves.",
            "",
            "  - id: verify",
            "    name: Verify the result",
            "    responsible: \(fulfiller.id)",
            "    informed: [\(desk.id)]",
            "    inputs: [fulfilment-notes]",
            "    outputs: [fulfilment-notes]",
            "    target: 4h",
            "    procedure:",
            "      - Check that the result works as the requester asked, with a test they would do.",
            "      - Complete the fulfilment notes for the service desk.",
            "    handoff:",
            "      artifact: fulfilment-notes",
            "      expectation: The service desk confirms with the requester within 1 business day.",
            "",
            "  - id: close",
            "    name: Close the request",
            "    responsible: \(desk.id)",
        ]
        if let customer { lines.append("    informed: [\(customer)]") }
        lines += [
            "    inputs: [fulfilment-notes]",
            "    target: 1d",
            "    procedure:",
            "      - Confirm with the requester that they have what they asked for.",
            "      - Close the record with a resolution code and a summary of what was done.",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` as a YAML scalar that reads back as the same string: quoted when a plain scalar would be read as
    /// null, a boolean or a number (a process named `null` or `404`).
    static func plainText(_ text: String) -> String {
        let special = ["", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE"]
        let numeric = text.allSatisfy { $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }
        guard special.contains(text) || numeric else { return text }
        return "\"\(text)\""
    }
}
