#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process's open-file limit, from which `serve` picks its default connection cap.
enum DescriptorLimit {
    /// Descriptors kept free for the store (the database, its WAL and shared-memory files, the
    /// token cache's probe), logs and the listening socket.
    static let reserved = 64

    /// 1,000 connections, or fewer when the soft `RLIMIT_NOFILE` would not leave ``reserved``
    /// descriptors beside them (at least 16).
    static func defaultConnectionCap() -> Int {
        var limit = rlimit()
        #if canImport(Glibc)
            let resource = Int32(RLIMIT_NOFILE.rawValue)
        #else
            let resource = RLIMIT_NOFILE
        #endif
        guard getrlimit(resource, &limit) == 0 else { return 1_000 }
        // RLIM_INFINITY is all ones: clamping it to Int gives Int.max, as good as no limit.
        let soft = Int(clamping: limit.rlim_cur)
        return max(16, min(1_000, soft - reserved))
    }
}
