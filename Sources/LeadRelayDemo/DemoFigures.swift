import Foundation

/// The figures one demo run printed, for tests and for callers that embed the demo.
public struct DemoFigures: Sendable, Hashable {
    /// Leads created by the import.
    public var imported: Int = 0
    /// Leads in stage `mql` right after scoring.
    public var mqls: Int = 0
    /// Leads handed to each rep by routing, by rep email.
    public var leadsPerRep: [String: Int] = [:]
    /// MQLs no rep could take (overflow).
    public var overflow: Int = 0
    /// Leads the first rep's first sync pulled.
    public var pulled: Int = 0
    /// Verdicts the server applied from the rep's second sync.
    public var verdictsApplied: Int = 0
    /// Verdicts the server refused in that sync (each with a code `leadrelay status` shows).
    public var verdictsRefused: Int = 0
    /// Leads the server shows accepted after the rep's verdicts.
    public var accepted: Int = 0
    /// Recycled leads' reason codes (raw values), by lead id.
    public var recycled: [String: String] = [:]
    /// Whether the quality report was printed.
    public var qualityReportPrinted = false
    /// The server's URL (empty once stopped is irrelevant: it is the URL it listened on).
    public var serverURL = ""

    /// Figures with nothing counted yet.
    public init() {}
}
