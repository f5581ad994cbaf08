extension ProcessContext {
    /// The silence analyses of the process, computed afresh: one for its customers and requester together (with the
    /// process's `max-silence`, else the config's), then one per role it involves that sets its own `max-silence`.
    /// Empty when the process involves no one to tell.
    package func silenceAnalyses() -> [SilenceAnalysis] {
        // A process involves a handful of roles: a short list searched in place costs less than hashing every
        // reference.
        var involved: [String] = []
        if let requester = process.requester { involved.append(requester.value) }
        for roles in activityRoles {
            for list in [roles.responsible, roles.consulted, roles.informed] {
                for entry in list where !involved.contains(entry.value) { involved.append(entry.value) }
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
