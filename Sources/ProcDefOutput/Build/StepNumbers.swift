/// Activities named by the numbers runbooks and diagrams give them, as a cancellation lists the steps it interrupts.
enum StepNumbers {
    /// `step 2`, `steps 2, 3`, `steps 2–4`, `steps 1, 3 and 5–6`: 0-based positions as 1-based step numbers, runs of
    /// three or more joined by an en dash; `no step` for none.
    static func phrase(_ positions: [Int]) -> String {
        let numbers = Set(positions.map { $0 + 1 }).sorted()
        guard var first = numbers.first else { return "no step" }
        var last = first
        var runs: [String] = []
        func closeRun() {
            runs.append(first == last ? "\(first)" : last == first + 1 ? "\(first), \(last)" : "\(first)–\(last)")
        }
        for n in numbers.dropFirst() {
            if n == last + 1 {
                last = n
                continue
            }
            closeRun()
            first = n
            last = n
        }
        closeRun()
        let list = runs.count == 1 ? runs[0] : runs.dropLast().joined(separator: ", ") + " and " + (runs.last ?? "")
        return (numbers.count == 1 ? "step " : "steps ") + list
    }
}
