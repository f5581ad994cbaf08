#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A mutual-exclusion lock: `withLock` runs its body with no other thread inside any `withLock` of the same lock.
///
/// A bare pthread mutex, as `TextInterner` had inline before this type: it takes a lock for every text of every
/// file, so the lock must cost no more than the mutex itself; the standard library's `Mutex` needs macOS 15, above
/// the package's macOS 13. A mutex must not move once initialised, so it lives in memory of its own, allocated once,
/// which is why this is a class and not a struct.
package final class Lock: @unchecked Sendable {
    // @unchecked: the mutex pointer is shared between threads on purpose; the mutex itself is what makes that safe.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    package init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    /// Runs `body` holding the lock, and releases it however `body` returns.
    package func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }
}
