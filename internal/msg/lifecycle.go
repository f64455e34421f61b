package msg

// Locks of the output root, the closure record, and other messages of the lifecycle commands (close,
// correct, fund, compute's checks of the months' history).
const (
	LockBusy        = "%s is in use by %s (pid %d on %s, since %s): try again when it has finished"
	LockBusyUnknown = "%s is in use by another payout command: try again when it has finished"
	LockFailed      = "cannot lock %s: %v"
)

// The record of closed months at the output root (closures.jsonl).
const (
	HistoryBrokenChain   = "%s line %d does not follow the line before it (the record of closed months was edited, or lines were removed or reordered)"
	HistoryClosedMissing = "%s is missing, but %s records %s as closed (by %s at %s): it is paid history; restore closed.json from a backup"
	HistoryFileChanged   = "%s was changed after %s was closed at %s (its SHA-256 differs from the one recorded in %s)"
)

// Ids given on the command line.
const (
	LedgerByUnknown = "%s %s is not an employee of %s (not in %s)"
)

// Where the fund ledger was read.
const (
	LedgerFundLookedAt  = "(the fund ledger of the output root %s, from the opening balance of %s: %s in %s)"
	LedgerFundNoOpening = "(the fund ledger of the output root %s, which records no opening balance (no %s): it starts at 0.00)"
	LedgerFundOtherRoot = "%s records an opening balance, but this month's output root is %s: record it there too (payout fund opening --out %s), or compute into %s"
)

// A file of the months' history that cannot be read.
const HistoryUnreadable = "cannot be read: %v"

// Corrections recorded for a month that its adjustments do not pay, when the file correct wrote is gone.
const LedgerCorrectionsGone = "%s does not pay the corrections of %s recorded for it: employee %s should get %s, its adjustments pay %s; the rows were written to %s, which is no longer there: add to its adjustments table a row of %s for the employee with a reason starting \"%s\", and compute it again"

// LedgerByUnchecked: fund opening --by for a month neither computed nor with an input folder.
const LedgerByUnchecked = "--by %s cannot be checked against the employees of %s: there is neither %s nor the input folder %s (give it with --in)"
