/// The text encoding of a CSV file's bytes.
///
/// - `utf8` (the default): strict; a field with invalid bytes makes its row a problem (never
///   stored with replacement characters). When no row decodes with non-ASCII content and at
///   least half the data rows fail, the file is refused whole with an encoding error that says to
///   declare `encoding: windows-1252`.
/// - `windows1252`: every byte maps to one character (0x80–0x9F per the Windows-1252 table,
///   e.g. 0x8C → Œ, 0x9C → œ; the five unassigned bytes map to the C1 controls, as WHATWG does).
/// - `auto`: two passes; UTF-8 when the whole file is valid UTF-8, else Windows-1252.
public enum CSVTextEncoding: String, CaseIterable, Hashable, Sendable {
    /// Strict UTF-8. Mapping spelling: `utf-8`.
    case utf8 = "utf-8"
    /// Windows-1252 (the "ANSI" code page of Western European Excel). Mapping spelling:
    /// `windows-1252`.
    case windows1252 = "windows-1252"
    /// Detect: UTF-8 if the whole file is valid UTF-8, else Windows-1252. Mapping spelling: `auto`.
    case auto = "auto"

    /// Parses the mapping spelling, case-insensitively (`utf8`, `cp1252` also accepted);
    /// `nil` for anything else.
    public init?(mappingValue: String) {
        switch mappingValue.lowercased() {
        case "utf-8", "utf8": self = .utf8
        case "windows-1252", "cp1252", "windows1252": self = .windows1252
        case "auto": self = .auto
        default: return nil
        }
    }
}
