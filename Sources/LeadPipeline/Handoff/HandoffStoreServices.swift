public import StoreContract

/// The store the hand-off services need: leads and history (``LeadStore``), ownership and the
/// change log (``SyncStore``), the hand-off tables (``HandoffStore``) and the stored routing rules
/// (``RoutingRulesStore``). `SQLiteLeadStore` is one.
public typealias HandoffStoreServices = HandoffStore & LeadStore & RoutingRulesStore & SyncStore
