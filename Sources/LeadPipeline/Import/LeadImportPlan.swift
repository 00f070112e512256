import Foundation

/// A lead import that passed every file-level check: the mapping loaded, the CSV file opened, its
/// encoding and header checked against the mapping. Built before the store is opened, so a bad
/// file or mapping never touches the store.
///
/// Not `Sendable`: it owns an open ``LeadIntake``; run it once, with ``LeadImporter``.
public struct LeadImportPlan {
    /// The file as given.
    public let csvPath: String
    /// The mapping file as given.
    public let mappingPath: String
    let intake: LeadIntake

    /// Loads the mapping and opens the file.
    /// - Throws: ``IntakeError`` (one line naming the file and the culprit): a missing file, an
    ///   empty file, an encoding refusal, an unreadable mapping, an unknown mapping key or lead
    ///   field, a mapped column missing from the header.
    public init(csvPath: String, mappingPath: String) throws(IntakeError) {
        let mapping = try ImportMapping.load(path: mappingPath)
        self.csvPath = csvPath
        self.mappingPath = mappingPath
        self.intake = try LeadIntake(path: csvPath, mapping: mapping)
    }
}
