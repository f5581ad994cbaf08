/// Keeps a command's results alive until the process exits, instead of freeing them one allocation at a time.
///
/// The checked workspace of a large repository is millions of small allocations (nodes' strings, role lists, findings).
/// Freeing them when `run()` returns is sequential work on the main thread, as long as a rule pass, for memory that the
/// exit hands back to the system at once; compilers skip it for the same reason (clang's `-disable-free`).
enum ExitRetention {
    /// Held from a global, so the kept memory stays reachable: leak checkers (LeakSanitizer in CI) see it in use, not
    /// leaked. Only the main thread calls `keep`, once per command.
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keep<Value>(_ value: Value) {
        kept.append(value)
    }
}
