import Foundation

/// The fields of an `application/problem+json` error body (RFC 9457) that the client reads.
struct ProblemDocument: Decodable, Sendable {
    /// The stable machine code (`unauthorized`, `resync_required`, …).
    var code: String?
    /// The short summary of the problem type.
    var title: String?
    /// What went wrong in this request.
    var detail: String?

    /// Decodes a problem body; `nil` when it is not a problem document.
    static func decode(_ data: Data) -> ProblemDocument? {
        try? JSONDecoder().decode(ProblemDocument.self, from: data)
    }

    /// The detail, else the title, else the code, else a fallback.
    var text: String { detail ?? title ?? code ?? "no detail" }
}
