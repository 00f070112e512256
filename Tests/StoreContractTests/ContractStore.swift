import StoreContract

/// Everything a server store offers: the four protocols of StoreContract that every store
/// implementation conforms to (`TransactionalStore` comes with `LeadStore` and `SyncStore`). The
/// contract suites reach a store only through this.
typealias ContractStore = LeadStore & SyncStore & HandoffStore & RoutingRulesStore
