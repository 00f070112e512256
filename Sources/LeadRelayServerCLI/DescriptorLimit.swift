import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process's open-file limit, from which `serve` picks its default connection cap.
enum DescriptorLimit {
    /// Descriptors kept free for the store (the database, its WAL and shared-memory files, the
    /// pool's readers, the token cache's probe), logs, the listening socket, and the event loops'
    /// own (a few per core).
    static var reserved: Int { 64 + 8 * ProcessInfo.processInfo.activeProcessorCount }

    /// The most connections the soft `RLIMIT_NOFILE` leaves room for beside ``reserved``, or
    /// `nil` when it cannot be read.
    static func connectionRoom() -> Int? {
        var limit = rlimit()
        #if canImport(Glibc)
            let resource = Int32(RLIMIT_NOFILE.rawValue)
        #else
            let resource = RLIMIT_NOFILE
        #endif
        guard getrlimit(resource, &limit) == 0 else { return nil }
        // RLIM_INFINITY is all ones: clamping it to Int gives Int.max, as good as no limit.
        return Int(clamping: limit.rlim_cur) - reserved
    }

    /// 1,000 connections, or fewer when the soft `RLIMIT_NOFILE` would not leave ``reserved``
    /// descriptors beside them (at least 16).
    static func defaultConnectionCap() -> Int {
        guard let room = connectionRoom() else { return 1_000 }
        return max(16, min(1_000, room))
    }
}
