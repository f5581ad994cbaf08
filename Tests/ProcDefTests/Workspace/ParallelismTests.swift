import Foundation
import XCTest

@testable import ProcDef

/// `--jobs N`: how many threads a `parallelMap` uses, and that the results never depend on it.
final class ParallelismTests: XCTestCase {
    private var previous = Parallelism.workers

    override func setUp() {
        previous = Parallelism.workers
    }

    override func tearDown() {
        Parallelism.limit(to: previous)
    }

    /// Work whose cost varies a lot from element to element, as processes of 5 and 500 steps do.
    @Sendable private static func unevenWork(_ n: Int) -> Int {
        var total = n
        for i in 0..<((n % 7) * 500) { total = total &* 31 &+ i }
        return total
    }

    func testEveryWorkerCountGivesTheSameResultsInOrder() {
        let input = Array(0..<2_000)
        let expected = input.map(Self.unevenWork)
        for workers in [1, 2, 3, 8] {
            Parallelism.limit(to: workers)
            XCTAssertEqual(Parallelism.workers, workers)
            XCTAssertEqual(input.parallelMap(Self.unevenWork), expected, "\(workers) workers")
        }
    }

    func testOneWorkerRunsOnTheCallingThread() {
        Parallelism.limit(to: 1)
        let caller = pthread_self()
        let threads = Array(0..<100).parallelMap { _ in pthread_equal(pthread_self(), caller) != 0 }
        XCTAssertEqual(threads, Array(repeating: true, count: 100))
    }

    func testTwoWorkersUseAtMostTwoThreads() {
        Parallelism.limit(to: 2)
        let seen = ThreadSet()
        _ = Array(0..<500).parallelMap { n -> Int in
            seen.insert(pthread_self())
            return ParallelismTests.unevenWork(n)
        }
        XCTAssertLessThanOrEqual(seen.count, 2)
        XCTAssertGreaterThanOrEqual(seen.count, 1)
    }

    func testALimitBelowOneMeansOne() {
        Parallelism.limit(to: 0)
        XCTAssertEqual(Parallelism.workers, 1)
        Parallelism.limit(to: -3)
        XCTAssertEqual(Parallelism.workers, 1)
    }

    func testEmptyAndSingleInputs() {
        Parallelism.limit(to: 2)
        XCTAssertEqual([Int]().parallelMap { $0 + 1 }, [])
        XCTAssertEqual([41].parallelMap { $0 + 1 }, [42])
    }
}

/// The distinct threads that ran a closure, gathered from several threads at once.
private final class ThreadSet: @unchecked Sendable {
    private let lock = NSLock()
    private var threads: [pthread_t] = []

    func insert(_ thread: pthread_t) {
        lock.lock()
        defer { lock.unlock() }
        if !threads.contains(where: { pthread_equal($0, thread) != 0 }) { threads.append(thread) }
    }

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return threads.count
    }
}
