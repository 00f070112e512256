import CommandLineSupport
import Foundation

/// A secret kept in a file (`serve --admin-token-file`, `--metrics-token-file`), so that it never
/// appears on a command line, where every local user can read it in `/proc/PID/cmdline`.
enum SecretFile {
    /// The file's first line, trimmed; `nil` when `path` is `nil`.
    /// - Throws: ``CommandFailure`` naming `option` when the file cannot be read or its first line
    ///   is blank.
    static func read(_ path: String?, option: String) throws -> String? {
        guard let path else { return nil }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw CommandFailure("\(option) \(path): cannot be read (\(error.localizedDescription))")
        }
        let firstLine = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let secret = firstLine.trimmingCharacters(in: .whitespaces)
        guard !secret.isEmpty else { throw CommandFailure("\(option) \(path): the first line is blank") }
        let mode = (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
        if let mode, mode & 0o077 != 0 {
            Console.current.errorLine(
                "warning: \(option) \(path) can be read by other users (mode \(String(mode, radix: 8))); chmod 600 it")
        }
        return secret
    }
}
