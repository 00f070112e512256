public import StoreContract

/// The lead operations (imports, reads, stages, events, reps, scoring models and scores) are in
/// the files by concern beside this one.
extension PostgresLeadStore: LeadStore {}
