import Dispatch
import Foundation
import Synchronization

/// How many threads procdef's parallel work may use: `--jobs N`, by default one per core.
///
/// Set once by the command line before any work starts; read by every `parallelMap`. A process-wide setting, like
/// `make -j`, because every stage of a run (reading, linking, checking, rendering) shares the same cores.
package enum Parallelism {
    private static let limit = Atomic<Int>(0)

    /// The threads a `parallelMap` uses: the `--jobs` value, else the machine's active cores.
    package static var workers: Int {
        let set = limit.load(ordering: .relaxed)
        return set > 0 ? set : defaultWorkers
    }

    /// One per active core, as `--jobs` defaults to.
    package static let defaultWorkers = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// Limits later parallel work to `workers` threads (1: everything on the calling thread).
    package static func limit(to workers: Int) {
        limit.store(max(1, workers), ordering: .relaxed)
    }
}

extension Array where Element: Sendable {
    /// Maps every element on up to `Parallelism.workers` threads, keeping the order of the input, so results never
    /// depend on scheduling.
    ///
    /// Each thread takes the next unclaimed element from a shared counter, so a few large elements (a process of a
    /// thousand steps among small ones) do not leave a thread idle while another works through a fixed share. With one
    /// worker the map runs on the calling thread, without Dispatch: `--jobs 1` is a true single-threaded run.
    package func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let workers = Swift.min(Parallelism.workers, count)
        if workers < 2 { return map(transform) }
        let results = ResultSlots<T>(count: count)
        let next = Atomic<Int>(0)
        self.withUnsafeBufferPointer { input in
            let base = UncheckedSendable(input)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while true {
                    let i = next.add(1, ordering: .relaxed).oldValue
                    guard i < base.value.count else { return }
                    results.store(transform(base.value[i]), at: i)
                }
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
