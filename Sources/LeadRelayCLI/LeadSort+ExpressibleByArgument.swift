public import ArgumentParser
public import LocalStore

/// Lets `--sort score` parse straight into the store's order.
extension LeadSort: ExpressibleByArgument {}
