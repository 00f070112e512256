import ArgumentParser

/// Where `evaluate` and `model calibrate` take each lead's known outcome from (`--label-from`).
/// Only imported outcomes so far; reps' verdicts (feedback) will be another source.
enum LabelSource: String, CaseIterable, ExpressibleByArgument {
    /// The outcome column or join file of a labelled import (`Converted`, closed deals).
    case outcome
}
