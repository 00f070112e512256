public import ServerStore

/// The store the hand-off services need: leads and history (``LeadStore``), ownership and the
/// change log (``SyncStore``), and the hand-off tables (``HandoffStore``). `SQLiteLeadStore` is one.
public typealias HandoffStoreServices = HandoffStore & LeadStore & SyncStore
