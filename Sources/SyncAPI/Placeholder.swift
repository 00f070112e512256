package enum SyncAPIPlaceholder {}
