/// A command's error that a person must act on; its message is printed on one line to standard
/// error and the process exits with status 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
