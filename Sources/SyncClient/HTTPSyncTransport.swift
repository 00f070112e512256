public import Foundation
internal import OpenAPIRuntime
internal import OpenAPIURLSession
internal import SyncAPI
public import SyncProtocol

#if canImport(FoundationNetworking)
    public import FoundationNetworking
#endif

/// The sync engine's transport over HTTP: the generated `SyncAPI` client on URLSession.
///
/// URLSession, not AsyncHTTPClient: this module is what the phone app links, and URLSession is
/// the platform's own HTTP stack there (proxies, cellular policy, background sessions) with no
/// SwiftNIO to ship. On Linux it runs on FoundationNetworking (libcurl), which is enough for the
/// CLI that stands in for the app; a page is at most a few MB, so buffered bodies are fine.
///
/// Errors: a refused request throws ``SyncError`` (401 → `unauthorized`, 403 → `forbidden`,
/// `resync_required`, `unsupported_protocol_version`, `invalid_request`); a server error (5xx,
/// 408, 429) or a connection failure throws ``SyncTransportError/unavailable(_:)``, which the
/// engine retries; an answer that cannot be read throws ``SyncTransportError/badResponse(_:)``.
public struct HTTPSyncTransport: SyncTransport {
    /// The server's base URL.
    public let serverURL: URL
    /// The generated client with the auth and error middleware.
    let client: Client
    /// The bytes of the pull answers this transport received (bodies only), and how many.
    public let received = TransferCounter()

    /// The time a request may wait for the server's answer: 60 seconds.
    public static let requestTimeout: TimeInterval = 60

    /// A transport to `serverURL` that authenticates with the rep's device `token`.
    /// - Parameters:
    ///   - serverURL: the server's base URL (`http://host:port`).
    ///   - token: the bearer token issued for the rep's device.
    ///   - session: the URLSession to use; a new ephemeral one (no cache, 60 s timeout) by default.
    public init(serverURL: URL, token: String, session: URLSession? = nil) {
        self.serverURL = serverURL
        let urlSession =
            session
            ?? {
                let configuration = URLSessionConfiguration.ephemeral
                configuration.timeoutIntervalForRequest = Self.requestTimeout
                configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
                configuration.urlCache = nil
                return URLSession(configuration: configuration)
            }()
        client = Client(
            serverURL: serverURL, configuration: .leadRelay,
            transport: URLSessionTransport(configuration: .init(session: urlSession)),
            middlewares: [SyncHTTPMiddleware(token: token, received: received)])
    }

    /// `POST /v1/sync/pull`: one page of changes after the request's cursor.
    /// - Throws: see the type's errors.
    public func pull(_ request: PullRequest) async throws -> PullPage {
        let output = try await call { try await client.pull(body: .json(.init(request))) }
        switch output {
        case .ok(let ok):
            let wire = try await call { try ok.body.json }
            do {
                return try PullPage(wire: wire)
            } catch {
                throw SyncTransportError.badResponse("pull page: \(error)")
            }
        default:
            throw SyncTransportError.badResponse("unexpected answer to pull: \(output)")
        }
    }

    /// `POST /v1/sync/push`: the mutations in order; one result per mutation and the client's
    /// last applied id before the push.
    /// - Throws: see the type's errors.
    public func push(_ request: PushRequest) async throws -> PushAnswer {
        let output = try await call { try await client.push(body: .json(.init(request))) }
        switch output {
        case .ok(let ok):
            let wire = try await call { try ok.body.json }
            return PushAnswer(wire: wire)
        default:
            throw SyncTransportError.badResponse("unexpected answer to push: \(output)")
        }
    }

    /// Runs a generated-client call, unwrapping the runtime's `ClientError` to the typed error the
    /// middleware threw; a decoding failure becomes ``SyncTransportError/badResponse(_:)``.
    func call<T>(_ operation: () async throws -> T) async throws -> T {
        do {
            return try await operation()
        } catch let error as ClientError {
            switch error.underlyingError {
            case let typed as SyncError: throw typed
            case let typed as SyncTransportError: throw typed
            case is CancellationError: throw CancellationError()
            case let other as URLError: throw SyncTransportError.unavailable(SyncHTTPMiddleware.describe(other))
            default: throw SyncTransportError.badResponse(String(describing: error.underlyingError))
            }
        } catch let error as SyncError {
            throw error
        } catch let error as SyncTransportError {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw SyncTransportError.badResponse(String(describing: error))
        }
    }
}
