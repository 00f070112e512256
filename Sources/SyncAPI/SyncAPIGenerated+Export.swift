// The generated OpenAPI types, client and server stubs are part of this module's face: every
// importer of SyncAPI sees them as if they were declared here.
@_exported public import SyncAPIGenerated
