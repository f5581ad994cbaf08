/// A process defined elsewhere (`kind: external-process`) added, removed, or changed (name, link, owner, receiver).
package struct ExternalProcessChange: Sendable, Hashable {
    package enum Kind: String, Sendable, Hashable {
        case added, removed, changed
    }

    package var kind: Kind
    package var id: String
    /// The name on the new side (the old side's for a removed one).
    package var name: String
    /// For `changed`: the fields that differ.
    package var fields: [FieldChange]

    package init(kind: Kind, id: String, name: String, fields: [FieldChange] = []) {
        self.kind = kind
        self.id = id
        self.name = name
        self.fields = fields
    }

    /// The changes between two workspaces' processes defined elsewhere (the first of each id), by id.
    static func compare(_ old: [ExternalProcess], _ new: [ExternalProcess]) -> [ExternalProcessChange] {
        let before = firsts(old)
        let after = firsts(new)
        return Set(before.keys).union(after.keys).sorted().compactMap { id in
            switch (before[id], after[id]) {
            case (nil, let process?): return ExternalProcessChange(kind: .added, id: id, name: process.name.value)
            case (let process?, nil): return ExternalProcessChange(kind: .removed, id: id, name: process.name.value)
            case (let a?, let b?):
                let fields = [
                    FieldChange.compare("name", a.name.value, b.name.value),
                    FieldChange.compare("link", a.link?.value, b.link?.value),
                    FieldChange.compare("owner", a.owner?.value, b.owner?.value),
                    FieldChange.compare("receiver", a.receiver?.value, b.receiver?.value),
                ].compactMap { $0 }
                return fields.isEmpty ? nil : ExternalProcessChange(kind: .changed, id: id, name: b.name.value, fields: fields)
            case (nil, nil): return nil
            }
        }
    }

    private static func firsts(_ processes: [ExternalProcess]) -> [String: ExternalProcess] {
        var byID: [String: ExternalProcess] = [:]
        for process in processes where byID[process.id.value] == nil { byID[process.id.value] = process }
        return byID
    }
}
