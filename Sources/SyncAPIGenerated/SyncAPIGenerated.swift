// The types, client and server stubs that swift-openapi-generator's build plugin makes from
// api-schema/openapi.yaml (symlinked here), alone in this target so that its warnings can be
// silenced without silencing ours: Swift 6.3 warns about the generator's unused `package import`s,
// which the generated files only silence from Swift 6.4 on (`@diagnose(UnusedImportAccess, …)`).
// SyncAPI re-exports this module; import SyncAPI, not this.
