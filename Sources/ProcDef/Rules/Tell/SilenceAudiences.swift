extension ProcessContext {
    /// The silence analyses of the process, computed afresh: one for its customers and requester together (with the
    /// process's `max-silence`, else the config's), then one per role it involves that sets its own `max-silence`.
    /// Empty when the process involves no one to tell.
    package func silenceAnalyses() -> [SilenceAnalysis] {
        // A process involves a handful of roles: a short list searched in place costs less than hashing every
        // reference. Past `RoleLookup.linearLimit` a set takes over, so that a process naming thousands of roles
        // does not make this quadratic.
        var involved: [String] = []
        var seen: Set<String>?
        func note(_ id: String) {
            if let known = seen {
                if known.contains(id) { return }
                seen?.insert(id)
            } else {
                if involved.contains(id) { return }
                if involved.count == RoleLookup.linearLimit { seen = Set(involved + [id]) }
            }
            involved.append(id)
        }
        if let requester = process.requester { note(requester.value) }
        for roles in activityRoles {
            for list in [roles.responsible, roles.consulted, roles.informed] {
                for entry in list { note(entry.value) }
            }
        }
        var audiences: [SilenceAnalysis.Audience] = []
        let customers = involved.filter { id in role(id)?.kind.value == .customer || id == process.requester?.value }
        if !customers.isEmpty {
            let limit = process.maxSilence?.value ?? maxSilence
            audiences.append(
                SilenceAnalysis.Audience(
                    roles: customers, limit: limit.seconds(businessDay: businessDaySeconds), limitText: limit.text, ownRole: nil))
        }
        for id in involved {
            guard let own = role(id)?.maxSilence else { continue }
            audiences.append(
                SilenceAnalysis.Audience(
                    roles: [id], limit: own.value.seconds(businessDay: businessDaySeconds), limitText: own.value.text, ownRole: id))
        }
        guard !audiences.isEmpty else { return [] }
        let flows =
            targets.flows.isEmpty ? TimedFlow.perPriority(process: process, graph: graph, businessDay: businessDaySeconds) : targets.flows
        return audiences.map { SilenceAnalysis(audience: $0, process: process, graph: graph, flows: flows, roles: activityRoles) }
    }
}
