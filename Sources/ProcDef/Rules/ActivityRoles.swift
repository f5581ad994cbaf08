import YAMLTree

/// The known roles in one activity's RACI lists, each role once (its first reference) in the order written.
///
/// Resolved once per process by `ProcessContext` and shared by every rule, rather than each rule resolving the same
/// lists again. Unknown roles are `ref/unknown-role`'s business, so they are left out.
package struct ActivityRoles: Sendable {
    package let responsible: [Located<String>]
    /// With `defaults.accountable` applied.
    package let accountable: [Located<String>]
    package let consulted: [Located<String>]
    package let informed: [Located<String>]
    /// Whether the activity's `responsible`, `consulted` or `informed` names a role that is defined nowhere.
    package let namesUnknownRole: Bool

    init(_ activity: Activity, defaultAccountable: Located<String>?, isKnown: (String) -> Bool) {
        var unknown = false
        responsible = Self.known(activity.responsible, isKnown, unknown: &unknown)
        var ignored = false
        if activity.accountable.isEmpty {
            accountable = defaultAccountable.flatMap { isKnown($0.value) ? [$0] : nil } ?? []
        } else {
            accountable = Self.known(activity.accountable, isKnown, unknown: &ignored)
        }
        consulted = Self.known(activity.consulted, isKnown, unknown: &unknown)
        informed = Self.known(activity.informed, isKnown, unknown: &unknown)
        namesUnknownRole = unknown
    }

    static func known(_ references: [Located<String>], _ isKnown: (String) -> Bool) -> [Located<String>] {
        var unknown = false
        return known(references, isKnown, unknown: &unknown)
    }

    /// Lists are short (one to a few roles), where comparing beats hashing; long ones are deduplicated through a set.
    /// Sets `unknown` when a reference names no known role.
    static func known(_ references: [Located<String>], _ isKnown: (String) -> Bool, unknown: inout Bool) -> [Located<String>] {
        if references.isEmpty { return [] }
        if references.count == 1 {
            if isKnown(references[0].value) { return references }
            unknown = true
            return []
        }
        var result: [Located<String>] = []
        result.reserveCapacity(references.count)
        if references.count <= RoleLookup.linearLimit {
            for reference in references where !result.contains(where: { $0.value == reference.value }) {
                if isKnown(reference.value) { result.append(reference) } else { unknown = true }
            }
            return result
        }
        var seen: Set<String> = []
        for reference in references where seen.insert(reference.value).inserted {
            if isKnown(reference.value) { result.append(reference) } else { unknown = true }
        }
        return result
    }
}

/// Membership in a list of role references: a scan for the usual few roles, a set for long lists (input decides the
/// length, and must not make a rule quadratic).
struct RoleLookup {
    static let linearLimit = 16
    private let references: [Located<String>]
    private let ids: Set<String>?

    init(_ references: [Located<String>]) {
        self.references = references
        ids = references.count > Self.linearLimit ? Set(references.map(\.value)) : nil
    }

    func contains(_ id: String) -> Bool {
        if let ids { return ids.contains(id) }
        return references.contains { $0.value == id }
    }
}
