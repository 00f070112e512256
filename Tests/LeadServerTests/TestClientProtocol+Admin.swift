import HTTPTypes
import HummingbirdTesting
import LeadModel

extension TestClientProtocol {
    /// `POST /v1/admin/leads/{leadID}/assign` with the admin token: hands the lead to the rep (or
    /// reassigns it).
    func assign(_ lead: LeadID, to rep: Rep) async throws -> HTTPExchange {
        try await send(
            .post, "/v1/admin/leads/\(lead)/assign", token: TestServer.adminToken, json: #"{"repID": "\#(rep.id)"}"#)
    }
}
