import YAMLTree

/// What a finding about a handoff point is about, and the transition that shows it: the same for every handoff
/// rule, so baselines and code flows key them alike.
extension HandoffPoint {
    /// The source activity, then the target (in the triggered process for a trigger).
    /// A process defined elsewhere has no activity: the source alone.
    package var activityIDs: [String] {
        guard let activity = target.activity else { return [sourceActivity.id.value] }
        return [sourceActivity.id.value, activity.id.value]
    }

    /// The responsible roles of the source, then those of the target not already named.
    package var roleIDs: [String] {
        var ids = sourceRoles.map(\.id.value)
        for role in target.roles where !ids.contains(role.id.value) {
            ids.append(role.id.value)
        }
        return ids
    }

    /// Source activity, the transition or trigger (when it is written apart from the source's id), target activity.
    /// `file` is the analysed process's file; a trigger's target lies in the triggered process's file.
    package func witness(file: String) -> [WitnessStep] {
        let sourceID = sourceActivity.id
        var steps = [WitnessStep(file: file, range: sourceID.range, message: "'\(sourceID.value)' is done by \(Self.list(sourceRoles))")]
        if range != sourceID.range {
            steps.append(
                WitnessStep(
                    file: file, range: range,
                    message: isTrigger
                        ? "the trigger starts '\(target.id.value)'" : "the case passes to '\(target.id.value)'"))
        }
        if let external = target.external {
            steps.append(
                WitnessStep(
                    file: external.file, range: external.receiver?.range ?? external.id.range,
                    message: external.receiver == nil
                        ? "'\(external.id.value)' is defined elsewhere and names no receiver"
                        : "'\(external.id.value)' is defined elsewhere; \(Self.list(target.roles)) takes a case in"))
            return steps
        }
        steps.append(
            WitnessStep(
                file: target.process?.file ?? file, range: target.id.range,
                message: "'\(target.id.value)' is done by \(Self.list(target.roles))"))
        return steps
    }

    private static func list(_ roles: [ResolvedRole]) -> String {
        roles.isEmpty ? "no responsible role" : roles.map { "'\($0.id.value)'" }.joined(separator: ", ")
    }
}
