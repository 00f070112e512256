import Foundation

/// Client-supplied text made safe to put in a log line: quoted as a JSON string, so a newline,
/// a quote or `key=value` inside it cannot end the field or forge another one, and cut to a
/// bounded length (issue 21 item 4).
enum LogText {
    /// 200: the most characters of one client value kept in a log line.
    static let maximumLength = 200

    /// `value` as a JSON string literal (`"d1\n level=error"` becomes `"d1\\n level=error"`),
    /// longer values cut with `…`.
    static func escaped(_ value: String) -> String {
        let kept = value.count > maximumLength ? String(value.prefix(maximumLength)) + "…" : value
        var out = "\""
        for scalar in kept.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar == "\u{2028}" || scalar == "\u{2029}"
                {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
