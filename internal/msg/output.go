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
