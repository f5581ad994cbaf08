import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A child process that Foundation's `Process` started, and the process group it leads, looked at and stopped by
/// id and never reaped: `Process` reaps it.
///
/// `Process` learns that a child exited when a socket the child inherited closes, and so do the readers of its pipes
/// when their write ends close. A process the child started and left running holds both, and would keep either
/// waiting after the child is gone; `waitid` with `WNOWAIT` tells when the child itself has exited, and how, without
/// taking it from `Process`. It is also prompt: `Process.waitUntilExit()` often sleeps 50 ms more on Linux.
struct ChildGroup: Sendable {
    let id: pid_t

    enum State: Equatable {
        case running
        /// Exited, not reaped yet: its id, and the group's, are still its own. How it ended, where the platform's
        /// `siginfo_t` says.
        case exited(Termination?)
        /// Exited and reaped by `Process`: the id may name another process by now.
        case reaped
    }

    /// How a child ended.
    struct Termination: Equatable, CustomStringConvertible {
        var signaled: Bool
        /// The exit status, or the signal's number.
        var status: Int32

        var succeeded: Bool { !signaled && status == 0 }
        var description: String { signaled ? "killed by signal \(status)" : "exit status \(status)" }
    }

    var state: State {
        while true {
            var info = siginfo_t()
            if waitid(P_PID, id_t(id), &info, WEXITED | WNOHANG | WNOWAIT) == 0 {
                // Nothing waitable leaves the zeroed record as it was.
                guard info.si_signo == SIGCHLD else { return .running }
                #if canImport(Glibc)
                    let status: Int32? = info._sifields._sigchld.si_status
                #elseif canImport(Darwin)
                    let status: Int32? = info.si_status
                #else
                    let status: Int32? = nil
                #endif
                return .exited(status.map { Termination(signaled: info.si_code != CLD_EXITED, status: $0) })
            }
            if errno == EINTR { continue }
            return .reaped
        }
    }

    var hasExited: Bool { state != .running }

    /// How the child ended, once its output has: from `waitid` when it tells, else from `Process`.
    ///
    /// Either way `Process` is let finish before this returns: until it has reaped the child it keeps itself alive,
    /// and a procdef that exits before then leaves it (and what it holds) unreleased, which LeakSanitizer reports. Its
    /// `isRunning` turns false as soon as it has reaped, so a short poll usually spares `waitUntilExit()`'s 50 ms sleep.
    func termination(of process: Process) -> Termination {
        var known: Termination?
        if waitForExit(seconds: 10), case .exited(let termination?) = state { known = termination }
        var polls = 0
        while process.isRunning && polls < 200 {
            usleep(500)
            polls += 1
        }
        process.waitUntilExit()
        return known ?? Termination(signaled: process.terminationReason == .uncaughtSignal, status: process.terminationStatus)
    }

    /// Waits until the child has exited, at most `seconds`; whether it has.
    func waitForExit(seconds: Double) -> Bool {
        var pause: useconds_t = 500
        var waited = 0.0
        while !hasExited {
            if waited >= seconds { return false }
            usleep(pause)
            waited += Double(pause) / 1_000_000
            pause = min(pause * 2, 50_000)
        }
        return true
    }

    /// Kills the child and everything in its group. SIGKILL, not SIGTERM: a child started from a thread that blocks
    /// signals (a Dispatch worker does) inherits the blocked mask, and SIGTERM would stay pending.
    func kill() {
        guard state != .reaped else { return }
        deliver(SIGKILL)
    }

    /// Kills what the exited child left running in its group, which would hold the pipes open.
    func killLeftovers() {
        guard case .exited = state else { return }
        deliver(SIGKILL)
    }

    /// The group when the child leads one (Foundation on Linux starts each child in a group of its own), else the
    /// child alone.
    private func deliver(_ number: Int32) {
        if getpgid(id) == id {
            _ = killpg(id, number)
        } else {
            _ = systemKill(id, number)
        }
    }
}

/// `kill(2)`, named apart from `ChildGroup.kill()` so that the call reaches the C function.
private func systemKill(_ id: pid_t, _ number: Int32) -> Int32 {
    kill(id, number)
}
