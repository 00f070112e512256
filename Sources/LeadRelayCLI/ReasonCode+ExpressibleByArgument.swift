public import ArgumentParser
public import LeadModel

/// Lets `--reason no_budget` parse straight into the reason code.
extension ReasonCode: ExpressibleByArgument {}
