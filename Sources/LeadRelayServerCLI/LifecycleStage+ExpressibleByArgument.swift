public import ArgumentParser
public import LeadModel

/// Lets `--stage mql` parse straight into the domain's stage.
extension LifecycleStage: ExpressibleByArgument {}
