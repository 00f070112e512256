/// The byte that separates fields in a CSV file: comma, semicolon or tab.
///
/// In a mapping it is written `,`, `;` or `tab`. When none is declared the reader detects it from
/// the header line (the most frequent of the three outside quotes; comma on a tie or none).
public enum CSVDelimiter: String, CaseIterable, Hashable, Sendable {
    /// `,` (RFC 4180).
    case comma = ","
    /// `;` (European spreadsheet exports, UCI Bank Marketing).
    case semicolon = ";"
    /// A horizontal tab (TSV exports). Written `tab` in a mapping.
    case tab = "\t"

    /// The delimiter's single ASCII byte.
    public var byte: UInt8 {
        switch self {
        case .comma: return UInt8(ascii: ",")
        case .semicolon: return UInt8(ascii: ";")
        case .tab: return UInt8(ascii: "\t")
        }
    }

    /// Parses the mapping spelling: `,`, `;`, `tab` (also `\t` and the words `comma`,
    /// `semicolon`); `nil` for anything else.
    public init?(mappingValue: String) {
        switch mappingValue {
        case ",", "comma": self = .comma
        case ";", "semicolon": self = .semicolon
        case "tab", "\t", "\\t": self = .tab
        default: return nil
        }
    }
}
