import Dispatch

extension Array where Element: Sendable {
    /// Maps every element on all cores, keeping the order of the input, so results never depend on scheduling.
    package func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
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
