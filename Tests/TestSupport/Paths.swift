public import Foundation

/// Paths of the package and of the shared cases and data beside it (`../shared`, as in CI, where it
/// is a read-only copy: tests never write into it, and its files are never copied into the repo).
public enum Paths {
    /// The package root: the nearest folder above this file that holds `Package.swift`.
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        fatalError("no Package.swift above \(#filePath)")
    }()

    /// `../shared` next to the package root.
    public static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// The path of a file under `../shared` (`data/x-education-leads/Leads.csv`).
    public static func sharedFile(_ relative: String) -> String { shared.appendingPathComponent(relative).path }

    /// The path of a file of the package (`mappings/x-education.yaml`).
    public static func packageFile(_ relative: String) -> String { packageRoot.appendingPathComponent(relative).path }
}
