/// A catalogue role added, removed, or changed (name, kind, team, contact).
package struct RoleChange: Sendable, Hashable {
    package enum Kind: String, Sendable, Hashable {
        case added, removed, changed
    }

    package var kind: Kind
    package var id: String
    /// The name on the new side (the old side's for a removed role).
    package var name: String
    /// For `changed`: the fields that differ.
    package var fields: [FieldChange]

    package init(kind: Kind, id: String, name: String, fields: [FieldChange] = []) {
        self.kind = kind
        self.id = id
        self.name = name
        self.fields = fields
    }

    /// The changes between two catalogues (role id to role), by role id.
    static func compare(_ old: [String: Role], _ new: [String: Role]) -> [RoleChange] {
        Set(old.keys).union(new.keys).sorted().compactMap { id in
            switch (old[id], new[id]) {
            case (nil, let role?): return RoleChange(kind: .added, id: id, name: role.name.value)
            case (let role?, nil): return RoleChange(kind: .removed, id: id, name: role.name.value)
            case (let a?, let b?):
                let fields = [
                    FieldChange.compare("name", a.name.value, b.name.value),
                    FieldChange.compare("kind", a.kind.value.rawValue, b.kind.value.rawValue),
                    FieldChange.compare("team", a.team?.value, b.team?.value),
                    FieldChange.compare("contact", a.contactText, b.contactText),
                    FieldChange.compare("shift", a.shift?.value.text, b.shift?.value.text),
                    FieldChange.compare("stage", a.stage?.value.rawValue, b.stage?.value.rawValue),
                    FieldChange.compare("handover", handoverText(a.handover), handoverText(b.handover)),
                    FieldChange.compare("max-silence", a.maxSilence?.value.text, b.maxSilence?.value.text),
                ].compactMap { $0 }
                return fields.isEmpty ? nil : RoleChange(kind: .changed, id: id, name: b.name.value, fields: fields)
            case (nil, nil): return nil
            }
        }
    }

    /// `shift-log: The next one reads it.`: a shift handover as one field value (renderers quote it whole).
    private static func handoverText(_ handover: ShiftHandover?) -> String? {
        guard let handover else { return nil }
        return "\(handover.artifact?.value ?? "-"): \(handover.expectation?.value ?? "-")"
    }
}
