/// Whether a handoff point is a gap or a handoff at all: one place for the rule that `handoff/gap`, the runbooks,
/// `procdef handoffs` and `procdef diff` all apply.
extension HandoffPoint {
    /// Responsibility changes and no handoff is declared: what `handoff/gap` reports.
    package var isGap: Bool { change == .changed && handoff == nil }

    /// Responsibility changes, or a handoff is declared anyway: what handoff tables and the handoff map list.
    /// A trigger into a process defined elsewhere that names no receiver is a handoff too: nobody on this side can
    /// tell whether responsibility changes, but the case leaves the organisation.
    package var isHandoff: Bool { change == .changed || handoff != nil || (target.external != nil && target.roles.isEmpty) }

    /// The work changes hands only because the target must be done by another person (`other-person-than`): the
    /// two sides share their responsible roles.
    package var isWithinOneRole: Bool {
        guard person == .other, case .unchanged = ResponsibilityChange(from: sourceRoles, to: target.roles) else { return false }
        return true
    }

    /// Every receiving role is a `system` role: a machine commits to nothing, so the handoff needs no expectation.
    package var isToSystem: Bool { !target.roles.isEmpty && target.roles.allSatisfy(\.isSystem) }
}
