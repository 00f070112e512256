import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A child process started with posix_spawn and reaped with wait4, so its own resource usage
/// (peak RSS) is read, not that of every child so far.
enum ChildProcess {
    /// What a child used.
    struct Usage {
        var status: Int32
        var seconds: Double
        /// Peak resident set size, in bytes (wait4's `ru_maxrss`, or what the child reported).
        var maxRSSBytes: Int
    }

    /// This process's peak resident set size in KiB (`VmHWM` of /proc/self/status), 0 if unreadable.
    /// Unlike `ru_maxrss`, it starts afresh at exec: a child spawned from a large parent shares
    /// the parent's memory until it execs, and wait4's `ru_maxrss` counts that parent's size.
    static func peakResidentKiB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.dropFirst("VmHWM:".count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
                ?? 0
        }
        return 0
    }

    /// Runs `leadrelay-bench child-sync HOME PEAK-FILE` and waits for it; its peak memory is the
    /// VmHWM the child wrote to PEAK-FILE (not wait4's `ru_maxrss`, which counts this parent).
    static func runSync(home: String, peakFile: String) throws -> Usage {
        var usage = try runSelf(["child-sync", home, peakFile])
        let text = try String(contentsOfFile: peakFile, encoding: .utf8)
        guard let kib = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)), kib > 0 else {
            throw BenchError("the sync child reported no peak memory")
        }
        usage.maxRSSBytes = kib * 1024
        return usage
    }

    /// Runs this executable again with `arguments` and waits for it.
    static func runSelf(_ arguments: [String]) throws -> Usage {
        let start = ContinuousClock.now
        // The child's own output (its sync summary) is not part of the benchmark's.
        let pid = try spawnSelf(arguments, output: "/dev/null")
        return try wait(for: pid, since: start)
    }

    /// Starts this executable again with `arguments`, its standard output written to the file at
    /// `output` (created or truncated).
    /// - Returns: the child's process id.
    /// - Throws: ``BenchError`` when posix_spawn fails.
    static func spawnSelf(_ arguments: [String], output: String) throws -> pid_t {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else { throw BenchError("posix_spawn failed: \(spawned)") }
        return pid
    }

    /// Sends SIGTERM to a child started by ``spawnSelf(_:output:)`` and waits for it to exit.
    static func terminate(_ pid: pid_t) throws -> Usage {
        let start = ContinuousClock.now
        kill(pid, SIGTERM)
        return try wait(for: pid, since: start)
    }

    /// Waits for the child and reads its own resource usage.
    /// - Parameter start: when the measured time began.
    static func wait(for pid: pid_t, since start: ContinuousClock.Instant) throws -> Usage {
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw BenchError("wait4 failed: \(errno)") }
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Usage(status: exitStatus, seconds: seconds, maxRSSBytes: Int(usage.ru_maxrss) * 1024)
    }
}
