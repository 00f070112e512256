#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process's CPU time (all threads, user + system), to report a rate "on one core" beside
/// the wall-clock one when the machine is shared: a single-threaded loop's CPU seconds do not
/// grow when other processes take turns on the cores.
enum CPUClock {
    /// Seconds of CPU the process has used so far, from C's `clock()` (microseconds: POSIX fixes
    /// `CLOCKS_PER_SEC` at 1,000,000, a macro Swift does not import).
    static func processSeconds() -> Double {
        Double(clock()) / 1_000_000
    }

    /// Runs `body` and returns its result with the wall and CPU seconds it took.
    static func time<T>(_ body: () throws -> T) rethrows -> (result: T, wall: Double, cpu: Double) {
        let start = ContinuousClock.now
        let cpuStart = processSeconds()
        let result = try body()
        let cpu = processSeconds() - cpuStart
        let elapsed = ContinuousClock.now - start
        return (result, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, cpu)
    }

    /// Like `time(_:)` for async work.
    static func time<T>(_ body: () async throws -> T) async rethrows -> (result: T, wall: Double, cpu: Double) {
        let start = ContinuousClock.now
        let cpuStart = processSeconds()
        let result = try await body()
        let cpu = processSeconds() - cpuStart
        let elapsed = ContinuousClock.now - start
        return (result, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, cpu)
    }
}
