package msg

// Audit trail structure (issue 10).
const (
	AuditSecondHeader = "record %d is a second header: a trail has one, its first record"
	AuditAfterTotals  = "record %d comes after the totals record, which closes the trail (records were appended)"
	AuditUnknownKind  = "record %d is of an unknown kind %q"
	AuditNoFiles      = "the totals record lists no output files: the trail cannot vouch for result.json, summary.xlsx and the payslips"
	AuditFileUnlisted = "the totals record does not list %s"
	AuditPayslipCount = "the totals record lists %d payslips for %d employees"
)

// compute --force: what it replaces.
const (
	OutNotReplaced = "%s is not replaced: %s; --force replaces only a payout output of %s (move the folder away or choose another --out)"
	OutNotFolder   = "it is not a folder"
	OutNoFile      = "it holds no %s"
	OutNotResult   = "its %s is not a payout result"
	OutNotTrail    = "its %s is not a payout audit trail"
	OutOtherMonth  = "its %s is of %s"
)

// Temporary files of a run.
const (
	ScratchCreate      = "cannot create the temporary folder of this run: %v"
	ScratchUnavailable = "warning: %v; unpacked workbook data goes to the system temp folder"
	ScratchRemovedTemp = "removed %s, the temporary folder of an earlier run that did not finish (process %d)"
	ScratchRemovedOut  = "removed %s, a half-written output folder of an earlier run that did not finish"
	ScratchInterrupted = "payout: interrupted (%v): the temporary files of this run were removed; an output folder not yet complete was not written"
)
