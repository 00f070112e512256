package import Foundation
internal import OpenAPIRuntime

extension JSONEncoder {
    /// An encoder that writes what the generated code writes under ``OpenAPIRuntime/Configuration/leadRelay``:
    /// the same output formatting and the same date-times (``LenientISO8601DateTranscoder``). For
    /// bodies encoded outside a generated handler (a pull page built ahead of its request).
    package static func leadRelayWire() -> JSONEncoder {
        let configuration = Configuration.leadRelay
        let encoder = JSONEncoder()
        var formatting: JSONEncoder.OutputFormatting = []
        if configuration.jsonEncodingOptions.contains(.prettyPrinted) { formatting.insert(.prettyPrinted) }
        if configuration.jsonEncodingOptions.contains(.sortedKeys) { formatting.insert(.sortedKeys) }
        if configuration.jsonEncodingOptions.contains(.withoutEscapingSlashes) {
            formatting.insert(.withoutEscapingSlashes)
        }
        encoder.outputFormatting = formatting
        let transcoder = configuration.dateTranscoder
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(try transcoder.encode(date))
        }
        return encoder
    }
}
