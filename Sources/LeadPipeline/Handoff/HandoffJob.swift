/// The job lock routing runs, re-routing, SLA rounds, recycling rounds and deactivations share
/// (``TransactionalStore/lockJob(_:)``): each reads who holds which lead and then moves leads, so
/// two of them at once in two processes could move one lead twice. Every `serve` process runs the
/// follow-up rounds on its own schedule; with this lock they take turns.
enum HandoffJob {
    static let name = "handoff"
}
