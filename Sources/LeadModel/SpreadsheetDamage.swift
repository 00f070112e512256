/// Values a spreadsheet has already damaged before the file reached us, which no import may
/// guess back.
///
/// Excel shows a long digit string (an id, a phone number) as a number in scientific notation
/// and saves it that way: `123456789012345` becomes `1.23457E+14`, its last digits gone. Two
/// different people's ids can then read the same, so such a value is refused wherever it would
/// identify a lead (external id, phone, key columns) and never used to merge rows.
public enum SpreadsheetDamage {
    /// Whether `value` (surrounding spaces trimmed) has the shape spreadsheets give a rounded
    /// number: one digit, optionally a decimal point (or comma) and digits, then `E` or `e`, a
    /// mandatory sign and one to three exponent digits — `1.23457E+15`, `1E+15`, `4,47712E+11`.
    /// A hexadecimal id such as `401013266745e5661589292315434968` has no sign after its `e` and
    /// is not matched.
    public static func isScientificNotation(_ value: String) -> Bool {
        var bytes = Substring(value).utf8[...]
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        if let sign = bytes.first, sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        guard let lead = bytes.first, isDigit(lead) else { return false }
        bytes = bytes.dropFirst()
        if bytes.first == UInt8(ascii: ".") || bytes.first == UInt8(ascii: ",") {
            bytes = bytes.dropFirst()
            let fraction = bytes.prefix(while: isDigit)
            guard !fraction.isEmpty else { return false }
            bytes = bytes.dropFirst(fraction.count)
        }
        guard let marker = bytes.first, marker == UInt8(ascii: "E") || marker == UInt8(ascii: "e") else { return false }
        bytes = bytes.dropFirst()
        guard let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return false }
        bytes = bytes.dropFirst()
        return (1...3).contains(bytes.count) && bytes.allSatisfy(isDigit)
    }

    /// The row problem's reason for `value` in a column that identifies a lead.
    public static func reason(for value: String) -> String {
        "'\(value)' is a number in scientific notation: a spreadsheet rounded it and its digits are lost; "
            + "export the column as text (the row is not imported and never used to match another lead)"
    }
}
