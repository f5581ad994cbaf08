import XCTest
import YAMLTree

@testable import ProcDef

/// `tell/requester-not-told` on long processes, built in memory: one search per owed role, each linear.
final class RequesterNotToldScaleTests: XCTestCase {
    private let here = SourceRange.fileStart

    private func role(_ id: String, _ kind: RoleKind) -> Role {
        Role(
            id: Located(id, at: here), name: Located(id, at: here), kind: Located(kind, at: here), scope: .catalogue, file: "roles.yaml",
            range: here)
    }

    private func findings(_ activities: [Activity], customers: [String]) -> [Diagnostic] {
        let catalogue = RoleCatalogue(
            roles: [role("process-owner", .owner), role("service-desk", .practitioner)] + customers.map { role($0, .customer) },
            file: "roles.yaml", range: here)
        let process = ProcessDefinition(
            id: Located("long-process", at: here), name: Located("Long Process", at: here), owner: Located("process-owner", at: here),
            defaultAccountable: Located("process-owner", at: here), activities: activities, file: "long.yaml", range: here,
            headerRange: here)
        return Checker.check(Workspace(catalogues: [catalogue], processes: [process])).diagnostics.filter {
            $0.rule == "tell/requester-not-told"
        }
    }

    private func activity(_ i: Int, informed: [String] = [], next: NextClause? = nil) -> Activity {
        Activity(
            id: Located("a\(i)", at: here), name: Located("Step \(i)", at: here), responsible: [Located("service-desk", at: here)],
            informed: informed.map { Located($0, at: here) }, next: next, range: here)
    }

    /// Every tenth activity may go back nine steps for rework; the requester is told at the start only.
    func testALongChainWithReworkLoopsIsOneFinding() {
        let count = 5_000
        let activities = (0..<count).map { i in
            if i == 0 { return activity(i, informed: ["user"]) }
            guard i % 10 == 9 && i + 1 < count else { return activity(i) }
            return activity(
                i,
                next: .branches(
                    [
                        Branch(to: Located("a\(i - 9)", at: here), when: Located("Redo.", at: here), range: here),
                        Branch(to: Located("a\(i + 1)", at: here), when: Located("Done.", at: here), range: here),
                    ], range: here))
        }
        let found = findings(activities, customers: ["user"])
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.subjects.activities, ["a4999", "a4998"])
        XCTAssertEqual(found.first?.path.count, count)
    }

    /// A thousand customers, each told at one step that something is happening, none told how it ended but the
    /// last two (informed at the end and directly before it): every other one is reported, and the searches stay
    /// within their budget.
    func testAThousandCustomersToldAlongTheWay() {
        let count = 1_000
        let customers = (0..<count).map { "customer-\($0)" }
        let activities = (0..<count).map { activity($0, informed: [customers[$0]]) }
        let found = findings(activities, customers: customers)
        XCTAssertEqual(found.count, count - 2)
        XCTAssertEqual(Set(found.flatMap(\.subjects.roles)), Set(customers.prefix(count - 2)))
        XCTAssertTrue(
            found.contains { $0.message.hasPrefix("the case can end at 'a999' (Step 999) without telling the requester 'customer-0'") })
    }
}
