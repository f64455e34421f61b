// Package version is the tool's version, printed by `payout version` and recorded in the audit trail.
package version

// Version is set at build time with -ldflags "-X payout/internal/version.Version=..."; the default names
// the current development line.
var Version = "0.1.0-dev"
