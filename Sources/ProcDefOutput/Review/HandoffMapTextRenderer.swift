import ProcDef

/// Renders the handoff map for a terminal: each handoff as a short block (gaps first), then the team matrix.
package struct HandoffMapTextRenderer: Sendable {
    package init() {}

    package func render(_ map: HandoffMap) -> String {
        var out = ""
        for entry in map.entries {
            out += block(entry) + "\n"
        }
        if !map.teams.isEmpty { out += renderMatrix(map.teams) + "\n" }
        return out + HandoffMapWording.summary(map) + "\n"
    }

    private func block(_ entry: HandoffMapEntry) -> String {
        var out = "\(HandoffMapWording.status(entry.status)): "
        if entry.kind == .cancel, !entry.interrupted.isEmpty {
            out += "\(PlainText.line(entry.from.processID)) \(entry.interrupted.map(id).joined(separator: ", ")) -> "
        } else {
            out += "\(side(entry.from)) -> "
        }
        if entry.to.isExternal {
            out += "process \(id(entry.to.processID)) (defined elsewhere)"
        } else {
            out +=
                entry.to.processID == entry.from.processID && !entry.isTrigger
                ? id(entry.to.activityID) : "process \(id(entry.to.processID)) at \(id(entry.to.activityID))"
        }
        if let condition = entry.condition { out += ", when \"\(PlainText.line(condition))\"" }
        if let kind = HandoffMapWording.kind(entry.kind) { out += " (\(kind))" }
        out += "\n"
        out += "  from: \(roles(entry.from))\n"
        out += "  to:   \(roles(entry.to))\n"
        guard entry.status != .gap else { return out + "  no handoff declared\n" }
        out += "  artifact: \(entry.artifact.map(PlainText.line) ?? "none")\n"
        out += "  expectation: \(entry.expectation.map { "\"\(PlainText.line($0))\"" } ?? "none")\n"
        if let within = entry.within { out += "  within: \(PlainText.line(within))\n" }
        if !entry.informed.isEmpty { out += "  informed: \(entry.informed.map(PlainText.line).joined(separator: ", "))\n" }
        if let escalation = entry.escalation { out += "  escalation: \(escalation.rawValue)\n" }
        if let agreement = entry.agreement { out += "  agreement: \(PlainText.line(agreement))\n" }
        return out
    }

    private func id(_ value: String) -> String { "'\(PlainText.line(value))'" }

    private func side(_ side: HandoffMapEntry.Side) -> String {
        "\(PlainText.line(side.processID)) \(id(side.activityID))"
    }

    /// `service-desk (Service Desk)`, each role with its team when that says more than the id.
    private func roles(_ side: HandoffMapEntry.Side) -> String {
        guard !side.roles.isEmpty else { return "nobody" }
        return side.roles.map(PlainText.line).joined(separator: ", ") + " [" + side.teams.map(PlainText.line).joined(separator: ", ") + "]"
    }

    /// The matrix with numbered columns, so long team names do not make it unreadably wide.
    package func renderMatrix(_ matrix: TeamMatrix) -> String {
        guard !matrix.isEmpty else { return "No handoffs between teams.\n" }
        let names = matrix.teams.map(PlainText.line)
        let labels = names.indices.map { "[\($0 + 1)]" }
        let labelWidth = labels.map(\.count).max() ?? 0
        let nameWidth = names.map(\.count).max() ?? 0
        let cellWidth = max(labelWidth, String(matrix.counts.flatMap { $0 }.max() ?? 0).count)
        func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
            let padding = String(repeating: " ", count: max(0, width - text.count))
            return right ? padding + text : text + padding
        }
        var out = "Transitions that change hands, once per pair of teams, from team (row) to team (column):\n\n"
        out += pad("", labelWidth + 1 + nameWidth) + labels.map { " " + pad($0, cellWidth, right: true) }.joined() + "\n"
        for (row, name) in names.enumerated() {
            var line = pad(labels[row], labelWidth) + " " + pad(name, nameWidth)
            for count in matrix.counts[row] {
                line += " " + pad(count == 0 ? "." : String(count), cellWidth, right: true)
            }
            out += line + "\n"
        }
        return out
    }
}

/// Words the handoff map's renderers share.
enum HandoffMapWording {
    /// `fork branch`, `cancellation`; nil for a plain transition or a trigger, which say what they are already.
    static func kind(_ kind: HandoffMapEntry.Kind) -> String? {
        switch kind {
        case .fork: "fork branch"
        case .cancel: "cancellation"
        case .timeout: "timeout"
        case .transition, .trigger: nil
        }
    }

    static func status(_ status: HandoffMapEntry.Status) -> String {
        switch status {
        case .gap: "gap"
        case .missingArtifact: "handoff missing its artifact"
        case .missingExpectation: "handoff missing its expectation"
        case .declared: "handoff"
        }
    }

    /// `4 transitions that change hands, between 12 pairs of teams (7 teams): 1 gap, 1 missing its expectation`.
    ///
    /// Two counts, each named: the map lists transitions (and triggers) where the case changes hands; the team
    /// matrix counts a transition once for every pair of teams it connects, so its cells add up to more.
    static func summary(_ map: HandoffMap) -> String {
        let transitions = map.entries.count
        let pairs = map.teams.pairCount
        let teams = map.teams.teams.count
        let out =
            "\(transitions) \(transitions == 1 ? "transition" : "transitions") that \(transitions == 1 ? "changes" : "change") hands, "
            + "between \(pairs) \(pairs == 1 ? "pair" : "pairs") of teams (\(teams) \(teams == 1 ? "team" : "teams"))"
        var parts: [String] = []
        let gaps = map.gapCount
        if gaps > 0 { parts.append("\(gaps) \(gaps == 1 ? "gap" : "gaps")") }
        let noArtifact = map.entries.count { $0.status == .missingArtifact }
        if noArtifact > 0 { parts.append("\(noArtifact) missing \(noArtifact == 1 ? "its artifact" : "their artifacts")") }
        let noExpectation = map.entries.count { $0.status == .missingExpectation }
        if noExpectation > 0 { parts.append("\(noExpectation) missing \(noExpectation == 1 ? "its expectation" : "their expectations")") }
        return parts.isEmpty ? out : out + ": " + parts.joined(separator: ", ")
    }
}
