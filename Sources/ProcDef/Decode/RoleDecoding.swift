import YAMLTree

extension ModelDecoder {
    // Derived once from the format's description (Format/), so a lookup costs what it did as a literal.
    static let catalogueKeys = KeyTable.roles.names
    static let roleKeys = KeyTable.role.names
    static let roleRequiredKeys = KeyTable.role.requiredNames
    static let catalogueRequiredKeys = KeyTable.roles.requiredNames
    static let contactKeys = KeyTable.contact.names
    static let handoverKeys = KeyTable.handover.names
    static let handoverRequiredKeys = KeyTable.handover.requiredNames

    func decodeCatalogue(_ map: FieldMap, document: YAMLDocument) {
        let context = "the role catalogue"
        checkKeys(map, allowed: Self.catalogueKeys, in: context)
        requireFields(map, Self.catalogueRequiredKeys, in: context, at: map.startRange)
        guard let rolesNode = map.value("roles") else { return }
        let roles = decodeRoles(rolesNode, label: "'roles' in \(context)", scope: .catalogue)
        decoded.catalogues.append(RoleCatalogue(roles: roles, file: file, range: document.range))
    }

    /// A mapping from role id to role, as in the catalogue and under a process's `roles:`.
    func decodeRoles(_ node: Node, label: String, scope: Role.Scope) -> [Role] {
        guard let map = fields(of: node, label, expected: "a mapping from role id to role") else { return [] }
        checkKeysAreText(map, in: label)
        return map.fields.map { decodeRole($0, scope: scope) }
    }

    /// A role whose mapping is missing or malformed is still kept: its id is known, and dropping it would turn every
    /// reference to it into a `ref/unknown-role` finding on top of the real one.
    private func decodeRole(_ field: FieldMap.Field, scope: Role.Scope) -> Role {
        let id = Located(field.key, at: field.keyNode.range)
        checkIdentifier(id, "role id")
        let context = "role \(Quoting.quoted(field.key))"
        let map =
            fields(of: field.value, context, expected: "a mapping with 'name' and 'kind'")
            ?? FieldMap(field.value, entries: MappingEntries())
        checkKeys(map, allowed: Self.roleKeys, in: context)
        if field.value.isNull || field.value.mapping != nil {
            requireFields(map, Self.roleRequiredKeys, in: context, at: field.keyNode.range)
        }
        let name = text(map, "name", in: context) ?? Located("", at: field.keyNode.range)
        // `practitioner` is the kind no kind-based rule singles out, so a missing kind does not add findings of its own.
        let kind = choice(map, "kind", in: context, RoleKind.self) ?? Located(.practitioner, at: field.keyNode.range)
        var role = Role(
            id: id, name: name, kind: kind,
            team: text(map, "team", in: context),
            contact: map.value("contact")?.mapping == nil ? text(map, "contact", in: context, expected: "a string or a mapping") : nil,
            scope: scope, file: file, range: field.value.range
        )
        if let node = map.value("contact"), node.mapping != nil {
            let place = "the contact of \(context)"
            if let contact = fields(of: node, place, expected: "a mapping with 'pager', 'phone', 'channel' or 'rota'") {
                checkKeys(contact, allowed: Self.contactKeys, in: place)
                role.contactDetails = ContactDetails(
                    pager: text(contact, "pager", in: place), phone: text(contact, "phone", in: place),
                    channel: text(contact, "channel", in: place), rota: text(contact, "rota", in: place), range: node.range)
            }
        }
        role.maxSilence = duration(map, "max-silence", in: context)
        role.shift = duration(map, "shift", in: context)
        role.stage = choice(map, "stage", in: context, ServiceStage.self)
        if let node = map.value("handover") {
            let place = "the handover of \(context)"
            if let handover = fields(of: node, place, expected: "a mapping with 'artifact' and 'expectation'") {
                checkKeys(handover, allowed: Self.handoverKeys, in: place)
                requireFields(handover, Self.handoverRequiredKeys, in: place, at: handover.startRange)
                role.handover = ShiftHandover(
                    artifact: text(handover, "artifact", in: place), expectation: text(handover, "expectation", in: place),
                    range: node.range)
            }
        }
        return role
    }
}
