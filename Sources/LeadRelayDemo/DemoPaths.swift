import Foundation

/// Finds the demo's default input files: relative to the current directory first, then to the
/// package root this code was built from (so `swift run` works from the package folder and from
/// elsewhere).
enum DemoPaths {
    /// The default lead file, relative to the package root.
    static let defaultLeads = "../shared/data/x-education-leads/Leads.csv"
    /// The default column mapping for it.
    static let defaultMapping = "mappings/x-education.yaml"
    /// The default scoring model.
    static let defaultModel = "models/x-education.json"

    /// The package root at build time (three folders above this file).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `path` when it is absolute or exists from the current directory; else the same relative
    /// path under the package root when that exists; else `nil`.
    static func resolve(_ path: String) -> String? {
        let manager = FileManager.default
        if path.hasPrefix("/") { return manager.fileExists(atPath: path) ? path : nil }
        if manager.fileExists(atPath: path) { return path }
        let underRoot = packageRoot.appendingPathComponent(path).standardizedFileURL.path
        return manager.fileExists(atPath: underRoot) ? underRoot : nil
    }
}
