public import ArgumentParser
public import LeadModel

/// Lets `--stage assigned` parse straight into the domain's stage.
extension LifecycleStage: ExpressibleByArgument {}
