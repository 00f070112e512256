import Foundation
import HTTPTypes
import SyncProtocol
import Testing

@testable import SyncClient

/// The table from HTTP error answers to the engine's typed errors.
@Suite("Problem mapping")
struct ProblemMappingTests {
    static func problem(_ status: Int, _ code: String) -> Data {
        Data(
            #"{"type":"https://leadrelay.dev/problems/\#(code)","title":"t","status":\#(status),"detail":"d","code":"\#(code)"}"#
                .utf8)
    }

    @Test func refusalsBecomeSyncErrors() {
        #expect(
            ProblemMapping.error(status: .unauthorized, body: Self.problem(401, "unauthorized")) as? SyncError
                == .unauthorized)
        #expect(
            ProblemMapping.error(status: .forbidden, body: Self.problem(403, "forbidden")) as? SyncError == .forbidden)
        #expect(
            ProblemMapping.error(status: .conflict, body: Self.problem(409, "resync_required")) as? SyncError
                == .resyncRequired)
        #expect(
            ProblemMapping.error(status: .badRequest, body: Self.problem(400, "unsupported_protocol_version"))
                as? SyncError
                == .unsupportedProtocolVersion(SyncProtocolVersion.current.rawValue))
        #expect(
            ProblemMapping.error(status: .init(code: 426), body: Data()) as? SyncError
                == .unsupportedProtocolVersion(SyncProtocolVersion.current.rawValue))
        #expect(
            ProblemMapping.error(status: .badRequest, body: Self.problem(400, "invalid_request")) as? SyncError
                == .invalidRequest("d"))
    }

    @Test(arguments: [500, 502, 503, 504, 408, 429])
    func serverErrorsAreTransient(status: Int) {
        let error = ProblemMapping.error(status: .init(code: status), body: Data("oops".utf8))
        #expect((error as? SyncTransportError)?.isTransient == true)
    }

    @Test func otherAnswersAreNotRetried() {
        let tooLarge = ProblemMapping.error(status: .contentTooLarge, body: Self.problem(413, "payload_too_large"))
        #expect((tooLarge as? SyncTransportError)?.isTransient == false)
        let teapot = ProblemMapping.error(status: .init(code: 418), body: Data())
        #expect((teapot as? SyncTransportError)?.isTransient == false)
    }

    @Test func connectionRefusedIsTransient() async throws {
        // Port 9 on the loopback: nothing listens, the connection is refused.
        let transport = HTTPSyncTransport(serverURL: URL(string: "http://127.0.0.1:9")!, token: "t")
        await #expect {
            _ = try await transport.pull(PullRequest())
        } throws: { error in
            (error as? SyncTransportError)?.isTransient == true
        }
    }
}
