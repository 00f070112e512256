import ArgumentParser

/// `--json` for scripts; a readable table otherwise.
struct OutputFormatOptions: ParsableArguments {
    @Flag(help: "Print JSON instead of a table.")
    var json = false
}
