/// The views `procdef build` draws, as `procdef explain VIEW` and docs/outputs.md explain them: what each is for.
package enum ViewTopic: String, CaseIterable, Sendable {
    case swimlane
    case blueprint

    /// The explanation as `procdef explain` prints it: each paragraph within 80 columns, as rules' are.
    package var terminalText: String {
        explanation.split(separator: "\n", omittingEmptySubsequences: false)
            .map { RuleCatalogueRenderer.wrapped($0, width: RuleCatalogueRenderer.proseWidth) }
            .joined(separator: "\n") + "\n"
    }

    /// The explanation, one paragraph a line; docs/outputs.md holds the same paragraphs.
    package var explanation: String {
        switch self {
        case .swimlane:
            """
            swimlane: who does what, in what order (diagrams/<id>.dot)

            One band per role, in the order of the role catalogue, so that a role has the same place in every \
            diagram of the library; the role's name at the start of its band. Each step sits in the band of its \
            first responsible role, with a marker (↔) in the band of every other responsible role; a step no one is \
            responsible for sits in a red "unassigned" band. The shapes are BPMN's: a thin circle starts, a thick \
            circle ends, a diamond with × is a decision, a diamond with + parallel work and where it meets, ⚡ cuts the \
            case short; ✔ marks an approval, ✉ a notification, ⚙ an automated step and a system's band, ◷ a wait or \
            a timer, ✎ a request. A bold arrow hands the case to another role, with what is handed over; its \
            expectation and time limit are the arrow's tooltip in SVG. A red dashed arrow is a handoff gap. The \
            legend under the title shows only the marks the diagram uses. A short flow runs left to right; one too \
            long for the page (1,200 points) runs top down, the bands then being columns.

            The same flow is in each runbook as a Mermaid flowchart, which GitHub and GitLab draw in a pull request \
            (procdef graph ID --format mermaid prints it).
            """
        case .blueprint:
            """
            blueprint: the two sides of the service (diagrams/<id>.blueprint.dot)

            A service has two sides: what the customer sees, and what happens behind the counter. Both must be \
            designed, and a flowchart of the work shows only the second. The service blueprint draws the same \
            steps in four rows: the customer's own actions; the front stage, what the customer sees or talks to (the \
            service desk, a portal); the back stage, the work behind the counter; and support, the other teams, \
            suppliers and systems the back stage relies on. A role's row is its stage: customer for a customer, \
            support for a supplier or a system, back for the others, unless the role says otherwise (stage: front). \
            Between the rows run the line of interaction, the line of visibility and the line of internal \
            interaction. Every moment the customer is told or asked something (a step that informs or consults a \
            customer, a step the customer hands to the desk) is marked ☎ and drawn in orange across the line of \
            interaction; the runbook lists them, with the steps done in front of the customer, under "What the \
            customer sees".
            """
        }
    }
}
