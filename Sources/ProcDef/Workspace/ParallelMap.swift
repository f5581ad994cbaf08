import Dispatch
import Foundation

/// Runs one independent task per index on all cores and returns the results in index order.
enum ParallelMap {
    static func map<T: Sendable>(count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let slots = Slots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            slots.store(transform(index), at: index)
        }
        return slots.values()
    }

    /// Where the tasks leave their results. Each index is written once, by its own task, under the lock; the values are
    /// read only after `concurrentPerform` has returned, which waits for every task.
    private final class Slots<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var storage: [T?]

        init(count: Int) {
            storage = Array(repeating: nil, count: count)
        }

        func store(_ value: T, at index: Int) {
            lock.lock()
            defer { lock.unlock() }
            storage[index] = value
        }

        func values() -> [T] {
            lock.lock()
            defer { lock.unlock() }
            return storage.compactMap { $0 }
        }
    }
}
