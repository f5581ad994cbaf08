import YAMLTree

/// What a finding about a handoff point is about, and the transition that shows it: the same for every handoff
/// rule, so baselines and code flows key them alike.
extension HandoffPoint {
    /// The source activity, then the target (in the triggered process for a trigger).
    package var activityIDs: [String] { [sourceActivity.id.value, target.activity.id.value] }

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
                        ? "the trigger starts '\(target.activity.id.value)'" : "the case passes to '\(target.activity.id.value)'"))
        }
        steps.append(
            WitnessStep(
                file: target.process?.file ?? file, range: target.activity.id.range,
                message: "'\(target.activity.id.value)' is done by \(Self.list(target.roles))"))
        return steps
    }

    private static func list(_ roles: [ResolvedRole]) -> String {
        roles.isEmpty ? "no responsible role" : roles.map { "'\($0.id.value)'" }.joined(separator: ", ")
    }
}
