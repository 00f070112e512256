import Foundation

/// Client-supplied text made safe to put in a log line: a JSON string literal (Foundation's
/// encoder escapes quotes, backslashes and control characters), so a newline, a quote or
/// `key=value` inside it cannot end the field or forge another one; cut to a bounded length
/// (issue 21 item 4).
enum LogText {
    /// 200: the most characters of one client value kept in a log line.
    static let maximumLength = 200

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }()

    /// `value` as a JSON string literal (`d1" level=x` becomes `"d1\" level=x"`), longer values
    /// cut with `…`.
    static func escaped(_ value: String) -> String {
        let kept = value.count > maximumLength ? String(value.prefix(maximumLength)) + "…" : value
        guard let data = try? encoder.encode(kept) else { return "\"?\"" }
        return String(decoding: data, as: UTF8.self)
    }
}
