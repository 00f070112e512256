/// The job lock imports take (``TransactionalStore/lockJob(_:)``): an import decides whether a row
/// is a new lead or one already stored (by its dedupe key, else its email), so two imports at once
/// in two processes could both find a key missing and make the same person twice. They take turns.
enum ImportJob {
    static let name = "import"
}
