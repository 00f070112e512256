import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A plain TCP connection to 127.0.0.1 for the hostile-client tests and benchmarks: it sends exactly the bytes
/// it is given, when it is given them, and reads with a deadline, so a test can be a silent, slow
/// or rude client that no HTTP library would be.
public final class RawConnection: @unchecked Sendable {  // one task uses a connection at a time
    private let socketDescriptor: Int32

    /// A socket call that failed, with its errno.
    public struct Failure: Error, CustomStringConvertible {
        /// `connect: errno 111`.
        public let description: String
    }

    /// Connects to `127.0.0.1:port`.
    public init(port: Int) throws {
        socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketDescriptor >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(socketDescriptor)
            throw Failure(description: "connect: errno \(errno)")
        }
    }

    deinit { close(socketDescriptor) }

    /// Sends `text`; `false` when the server has closed the connection.
    @discardableResult
    public func send(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        let sent = bytes.withUnsafeBytes { Glibc.send(socketDescriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        return sent == bytes.count
    }

    /// What arrives within `seconds`, until the server closes the connection or the time is up;
    /// `closed` tells which. It waits by sleeping between non-blocking polls, so it never holds a
    /// thread of the cooperative pool that an in-process server needs to answer.
    public func read(within seconds: Double) async -> (text: String, closed: Bool) {
        var received: [UInt8] = []
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            var poller = pollfd(fd: socketDescriptor, events: Int16(POLLIN), revents: 0)
            if poll(&poller, 1, 0) > 0 {
                var buffer = [UInt8](repeating: 0, count: 65_536)
                let count = recv(socketDescriptor, &buffer, buffer.count, 0)
                if count <= 0 { return (String(decoding: received, as: UTF8.self), true) }
                received += buffer.prefix(count)
                continue
            }
            guard deadline.timeIntervalSinceNow > 0 else { return (String(decoding: received, as: UTF8.self), false) }
            try? await Task.sleep(for: .milliseconds(5))
        }
    }
}
