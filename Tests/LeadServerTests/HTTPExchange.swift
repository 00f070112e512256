import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore

/// One request's answer, with the body parsed as JSON when it is JSON.
struct HTTPExchange: Sendable {
    let status: Int
    let headers: HTTPFields
    let text: String

    /// The body as a JSON object (empty when it is not one).
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]) ?? [:]
    }

    /// The problem document's `code`, when the answer is `application/problem+json`.
    var problemCode: String? {
        guard headers[.contentType] == "application/problem+json" else { return nil }
        return json["code"] as? String
    }

    /// `upserts[].leadID` of a pull page.
    var upsertIDs: [String] { (json["upserts"] as? [[String: Any]] ?? []).compactMap { $0["leadID"] as? String } }

    /// `removals[]` of a pull page as (leadID, reason).
    var removals: [(leadID: String, reason: String)] {
        (json["removals"] as? [[String: Any]] ?? []).compactMap { item in
            guard let id = item["leadID"] as? String, let reason = item["reason"] as? String else { return nil }
            return (id, reason)
        }
    }

    /// `results[]` of a push as (status, code).
    var results: [(status: String, code: String?)] {
        (json["results"] as? [[String: Any]] ?? []).compactMap { item in
            guard let status = item["status"] as? String else { return nil }
            return (status, item["code"] as? String)
        }
    }
}

extension TestClientProtocol {
    /// Sends one request with an optional bearer token and JSON body text.
    func send(
        _ method: HTTPRequest.Method, _ path: String, token: String? = nil, json body: String? = nil,
        contentType: String = "application/json"
    ) async throws -> HTTPExchange {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if body != nil { headers[.contentType] = contentType }
        let response = try await execute(
            uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        return HTTPExchange(
            status: Int(response.status.code), headers: response.headers, text: String(buffer: response.body))
    }

    /// `POST /v1/sync/pull` with protocol version 1.
    func pull(token: String, cursor: String? = nil, limit: Int? = nil) async throws -> HTTPExchange {
        var fields = [#""protocolVersion": 1"#]
        if let cursor { fields.append(#""cursor": "\#(cursor)""#) }
        if let limit { fields.append(#""limit": \#(limit)"#) }
        return try await send(.post, "/v1/sync/pull", token: token, json: "{\(fields.joined(separator: ", "))}")
    }

    /// `POST /v1/sync/push` with protocol version 1 and the given mutation JSON objects.
    func push(token: String, clientID: String, mutations: [String]) async throws -> HTTPExchange {
        try await send(
            .post, "/v1/sync/push", token: token,
            json:
                #"{"protocolVersion": 1, "clientID": "\#(clientID)", "mutations": [\#(mutations.joined(separator: ","))]}"#
        )
    }
}
