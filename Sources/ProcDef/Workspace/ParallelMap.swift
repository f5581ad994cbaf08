import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// Maps every element on all cores, keeping the order of the input, so results never depend on scheduling.
    public func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        if count < 2 { return map(transform) }
        let results = ResultSlots<T>(count: count)
        self.withUnsafeBufferPointer { input in
            let base = UncheckedSendable(input)
            DispatchQueue.concurrentPerform(iterations: count) { i in
                results.store(transform(base.value[i]), at: i)
            }
        }
        return results.collect()
    }
}

/// A wrapper for values shared across `concurrentPerform` iterations that only read them.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// One slot per iteration: each iteration writes only its own slot, and `collect` runs after all of them finished.
private final class ResultSlots<T>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func store(_ value: T, at index: Int) {
        slots[index] = value
    }

    func collect() -> [T] {
        (0..<count).compactMap { slots[$0] }
    }
}

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
