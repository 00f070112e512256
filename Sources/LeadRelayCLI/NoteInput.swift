import Foundation
import SyncProtocol

/// A note as the rep gives it: typed on the command line, read from a file, or from standard
/// input (`-`), then checked before it is queued: not empty, at most
/// ``MutationIntent/maximumNoteLength`` characters (the contract's limit, which the server
/// enforces too), so an over-long note is refused when it is typed, not after a sync.
enum NoteInput {
    /// The trimmed note, or `nil` when none was given.
    /// - Parameters:
    ///   - text: the note typed on the command line (`-` reads standard input), or `nil`.
    ///   - file: a file holding the note (`-` reads standard input), or `nil`.
    ///   - option: how the note was asked for, for messages (`--note`, `TEXT`).
    /// - Throws: ``CommandFailure/user(_:)`` when both are given, the file cannot be read or is not
    ///   UTF-8, the note is empty, or it is over the limit (the message gives the limit).
    static func read(text: String?, file: String?, option: String) throws -> String? {
        let raw: String
        switch (text, file) {
        case (nil, nil): return nil
        case (.some, .some): throw CommandFailure.user("give the note as \(option) or as --note-file, not both")
        case (let text?, nil): raw = text == "-" ? try standardInput() : text
        case (nil, let path?): raw = path == "-" ? try standardInput() : try contents(of: path)
        }
        let note = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty else { throw CommandFailure.user("the note is empty") }
        let length = note.unicodeScalars.count
        guard length <= MutationIntent.maximumNoteLength else {
            throw CommandFailure.user(
                "the note is \(length) characters; notes are limited to \(MutationIntent.maximumNoteLength) characters (shorten it; nothing was queued)"
            )
        }
        return note
    }

    static func standardInput() throws -> String {
        let data = ClientEnvironment.current.readStandardInput()
        guard let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure.user("the note on standard input is not UTF-8 text")
        }
        return text
    }

    static func contents(of path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure.user("cannot read the note file \(path)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure.user("the note file \(path) is not UTF-8 text")
        }
        return text
    }
}
