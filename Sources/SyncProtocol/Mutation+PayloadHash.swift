import Foundation
import LeadModel

extension Mutation {
    /// The payload hash the server keeps per applied mutation id, to tell a resent mutation
    /// (`duplicate`) from another one reusing its id (`conflict`, SPEC §5 rule 5).
    ///
    /// FNV-1a 64 over a canonical serialisation of the mutation's lead and intent, as 16
    /// lower-case hex digits: equal payloads, equal hashes. The serialisation is the lead id, the
    /// intent's name and its fields in a fixed order, each field length-prefixed (absent fields
    /// as `-`), so no two payloads share it. Dates are their seconds since 1970 in full precision.
    /// - Parameter leadIDText: the mutation's lead id as text, when the caller has it already.
    public func payloadHash(leadIDText: String? = nil) -> String {
        var fields: [String?] = [leadIDText ?? leadID.description, intent.name]
        fields += intent.textFields
        if case .reject(_, _, let reentryDate) = intent {
            fields.append(reentryDate.map { "\($0.timeIntervalSince1970)" })
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ bytes: some Sequence<UInt8>) {
            for byte in bytes {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01b3
            }
        }
        for field in fields {
            if let field {
                mix("\(field.utf8.count):".utf8)
                mix(field.utf8)
            } else {
                mix("-".utf8)
            }
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
