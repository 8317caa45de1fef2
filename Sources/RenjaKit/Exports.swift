// The library's one import for its callers (`renja`, `RenjaServe`, `renja-fuzz`): every stage's
// public API. Inside the package, each target imports the stages it uses by name.
@_exported import RenjaModel
@_exported import RenjaMarkdown
@_exported import RenjaLoad
@_exported import RenjaFacts
@_exported import RenjaChecks
@_exported import RenjaImport
@_exported import RenjaRender
@_exported import RenjaWrite
