// Package msg holds every user-facing English message of the tool in one place, so that they can be
// reviewed together and localised later. Messages are fmt formats; their verbs are documented by the
// constant's name and use. Payslip and summary labels (simplified Chinese) live in report/labels.go.
package msg

// Plan loading.
const (
	PlanRead              = "cannot read plan %s: %v"
	PlanErrorAt           = "%s line %d: %s"
	PlanError             = "%s: %s"
	PlanEmpty             = "the plan file is empty"
	PlanUnknownKey        = "unknown key %q"
	PlanWrongKind         = "%q is not the kind of value expected here"
	PlanMissingKey        = "missing key %s"
	PlanNegative          = "%s must not be negative, got %s"
	PlanNotFraction       = "%s must be between 0 and 1, got %s"
	PlanNotPositive       = "%s must be greater than 0, got %s"
	PlanNotWhole          = "%s must be a whole number, got %s"
	PlanMissingName       = "missing %s name"
	PlanUnknownName       = "unknown %s %q"
	PlanDuplicate         = "%s %q is defined twice"
	PlanAliasClash        = "name %q is used by both %q and %q"
	PlanNoAlias           = "role %q needs at least one Chinese name (aliases)"
	PlanBadMode           = "%s.mode must be whole or marginal, got %q"
	PlanBadInclusive      = "%s.inclusive must be lower or upper, got %q"
	PlanNoBands           = "%s has no bands"
	PlanOpenBand          = "%s: only the last band may have no upper bound (to)"
	PlanTierOrder         = "%s out of order: %s is not below %s"
	PlanTierGap           = "%s: bands must follow each other, %s is followed by %s"
	PlanDecimals          = "achievement.decimals must be a whole number from 0 to 18, got %s"
	PlanCapBelowFloor     = "achievement.cap is below achievement.floor"
	PlanMetricKind        = "metric %q needs either a figure or per_employee: true, not both"
	PlanMetricScope       = "metric %q is per employee and cannot be a pool's achievement"
	PlanMetricPerEmployee = "metric %q of accessory specialists must be per_employee"
	PlanPoolName          = "pool name %q is the name of an individual scheme"
	PlanLineMissing       = "lines: %q is missing"
)

// Cell values: formats take the quoted cell text.
const (
	ValNotAmount       = "%q is not an amount"
	ValTooLarge        = "%q is too large for an amount"
	ValImplausibleDate = "%q is not a plausible date (%s): the year must be from 2000 to 2099"
	ValNotNumber       = "%q is not a number"
	ValNotRatio        = "%q is not a ratio (0.3 or 30%%)"
	ValNotDate         = "%q is not a date"
	ValNoSuchDate      = "%q is not a real calendar date"
	ValNotBool         = "%q is not yes or no (是/否)"
)

// Reports.
const (
	ReportSummary = "%d errors, %d warnings"
)

// Files.
const (
	CSVSyntax       = "CSV syntax error: %v"
	CSVExtraCells   = "the row has %d cells, the header %d: a value with a comma must be in quotes (e.g. \"1,234.50\")"
	CSVBeyondHeader = "beyond the header"
	CSVBadUTF8      = "cell %s is not UTF-8 text, though the file starts as UTF-8 (a row pasted from a GBK file?): retype it, or save the whole file again as CSV UTF-8"
	XLSXBroken      = "cannot read this workbook: %v"
	XLSXTooLarge    = "%s unpacks to %d MB, more than the %d MB an export can be: refused (a damaged or malicious file?)"
	XLSXCutShort    = "the sheet's data ends early (the file is cut off or damaged): rows would be lost; open it in Excel or WPS and save it again, or export it again"
	XLSOldFormat    = "this is an old .xls workbook or a password-protected one; open it in Excel or WPS and save it as .xlsx without a password"
)

// Input folder and tables.
const (
	InNoFolder        = "input folder %s does not exist"
	InNotFolder       = "%s is not a folder"
	InAmbiguous       = "table %s is found twice: in %s and in %s; keep one"
	InMissingTable    = "table %s (%s) is missing: it is required"
	InCorrectionsFile = "corrections written by payout correct, not read from here: copy its rows into the adjustments table (调整), then delete this file"
	InWrongFormat     = "table %s is in a %s file, which is not read: save it as .xlsx or .csv"
	InNoHeader        = "no header row found: missing required column %s"
	InNoEmployees     = "the roster has no employees"
	InEmptyFile       = "the file is empty"
	InMissingColumns  = "missing required column %s"
	InDuplicateColumn = "columns %s (%s) and %s (%s) both mean %s: delete or rename one of them"
	InLooksLike       = "column %s is not read; if it is %s (%s), name it so: without it every row reads that column as empty"
	InOutsideMonth    = "rows dated outside %[2]s, set aside (not counted this month): %[1]d (%[3]s)"
	InPoolNoSource    = "pool %s: table %s is missing, so its figures count as 0"
	InReadFailed      = "cannot read: %v"
)

// Values and rows. Formats with %q take the cell text.
const (
	ValMissing          = "missing value"
	ValFormulaNoValue   = "formula without a saved value; open the file in Excel or WPS and save it again"
	ValNegative         = "%q must not be negative"
	ValNotPositive      = "%q must be greater than 0"
	ValTooManyDecimals  = "%q has more than 2 decimals: an amount paid out must be in yuan and fen"
	ValRatioRange       = "%q must be between 0 and 1 (0%% to 100%%)"
	ValScoreRange       = "%q must be between 0 and 100"
	ValUnknownRole      = "unknown role %q (roles are listed in the plan: payout plan show)"
	ValUnknownROType    = "unknown repair order type %q (add it to the plan's vocabulary.repair_order_types)"
	ValUnknownKind      = "unknown %s %q"
	ValUnknownPool      = "unknown pool %q"
	ValUnknownMetric    = "unknown metric %q"
	ValDuplicate        = "duplicate %s %q (first on row %d)"
	ValNotOnRoster      = "%q is not an employee id or name on the roster"
	ValNotOnRosterMore  = "%s is not on the roster: %d more rows name it (%d in all; the first %d are listed)"
	ValNameAmbiguous    = "%q is the name of more than one employee (%s); use the id"
	ValSellerRequired   = "missing value: an after-sales sale needs the seller's id"
	ValScopeNotPool     = "scope %q of metric %s must be a pool"
	ValScopeNotEmployee = "scope %q of metric %s must be an employee id"
	ValNotStationMgr    = "a coefficient change must be approved by a %s; %s is %s"
	ValFundApprover     = "fund spending must be approved by a %s 〔十二.5〕; %s is %s"
	ValFundKeeper       = "the fund is kept by a %s 〔十二.5〕; %s is %s"
	ValFundOutside      = "fund spending dated %s (%s) is not counted in %s; if the fund ledger of its own month does not hold it, date it in this month"
	ValRoleNotInPool    = "employee %s (%s) is not a member of pool %s"
	ValPoolRequired     = "missing value: a coefficient change needs the pool"
	ValProbationAdjust  = "employee %s is on probation: this coefficient change is ignored"
	ValEmptyReason      = "missing value: give the reason"
)

// Checks across tables.
const (
	ChkMasterMissing       = "master %q is not on the roster"
	ChkMasterIsApprentice  = "master %s is itself an apprentice (of %s)"
	ChkMasterSelf          = "an employee cannot be its own master"
	ChkShareRequired       = "missing value: an apprentice needs its share (徒弟分配比例)"
	ChkSharesOver          = "apprentice shares under master %s add up to %s, more than 1"
	ChkTargetMissing       = "pool %s has members but no target for %s (add a row to 目标: %s, %s)"
	ChkSellerTarget        = "accessory seller %s (%s) has no target for %s (add a row to 目标: %s, %s)"
	ChkHoursRole           = "%s (%s) is not in an hours scheme, but has hours on %d rows"
	ChkApprenticeRole      = "apprentice %s is a %s but its master %s is a %s: their hours cannot make one team"
	ChkHoursAboveTop       = "team of %s has %s hours, above the top tier's %s: the top rate applies"
	ChkMaterialAbove       = "painter team of %s: material cost %s for %s hours is above %s per hour: rate lowered by %s"
	ChkMaterialAboveNoTier = "painter team of %s: material cost %s for %s hours is above %s per hour (the team is below the first hours tier and earns no bonus anyway)"
	ChkNoAdvisorScore      = "advisor-pool member %s (%s) has no assessment score (接待考核): no score deduction"
	ChkMinDiscount         = "sold at %s of list price, at or below the minimum %s: earns nothing"
)

// Command line.
const (
	CLIBadMonth      = "--%s: %v"
	MonthForm        = "%q is not a month of the form YYYY-MM"
	MonthRange       = "%q is not a month from %d to %d"
	CLIMonthRequired = "--month is required (e.g. --month 2026-10)"
	CLIBadFormat     = "--format must be one of %s, got %q"
	CLIFileExists    = "%s already exists; use --force to overwrite it"
	CLIWrote         = "wrote %s"
	CLIInvalid       = "the input has errors: nothing was computed"
	CLIPlanInvalid   = "the plan has errors"
	CLIOK            = "%s: the input for %s is valid (%s)"
	CLITemplateNote  = "fill in the sheets you need, put the workbook in the month's folder (e.g. data/2026-10/) and run payout validate"
)

// Calculation warnings and notes.
const (
	CalcPoolNoMembers    = "pool %s has an amount of %s but no members: nobody is paid it"
	CalcPoolSharesUnpaid = "pool %s has no members and its target is missing: its amount is 0.00 and its accessory shares of %s are paid to nobody"
	CalcTargetMissing    = "no target for %s (%s): achievement rate counts as 0"
	CalcFinesOver        = "%s (%s): fines of %s are more than the beauty line of %s; %s is not taken"
	CalcMasterNegative   = "master %s gets %s of the team bonus %s: the apprentices' shares, each rounded, take more than all of it"
	CalcProbationNote    = "probation: base salary and adjustments only, no commission of any kind 〔一.4〕"
	CalcProbationShares  = "probation employees are not pool members"
)

// Deduction reasons printed on payslips (simplified Chinese: the people who read them).
const (
	ReasonComplaints = "客户投诉 %d 次 扣 %s"
	ReasonScore      = "考核成绩 %s 分 低于 %s 分 扣 %s"
	ReasonPoints     = "考核扣分 %s 分"
	ReasonFines      = "美容组扣罚: %s"
)

// Audit trail verification.
const (
	AuditBadRecord    = "record %d is not a valid audit record"
	AuditBadSeq       = "record %d has sequence number %d, expected %d"
	AuditBrokenChain  = "record %d does not follow the record before it (the trail was edited, or records were removed or reordered)"
	AuditNoHeader     = "the first record is not the header"
	AuditNoTotals     = "the last record is not the totals: the trail is cut short"
	AuditBadResult    = "%s cannot be read: %v"
	AuditTotalsDiffer = "the trail's totals (fund %s, payout %s, %d employees) differ from result.json (fund %s, payout %s, %d employees)"
	AuditOK           = "%s: audit trail intact (%d records), totals match result.json, every output file as written"
	AuditEmployeeDiff = "employee %s: result.json pays %s, the trail's total step %s"
	AuditFileChanged  = "%s was changed after it was written (its SHA-256 differs from the trail's)"
	AuditFileMissing  = "%s is missing"
	AuditFileExtra    = "%s is not in the audit trail (added after the output was written)"
	AuditFailed       = "%s: the audit trail does not verify"
)

// Output folder.
const (
	OutPayslipFailed = "payslip of %s: %v"
	OutExists        = "%s already exists: use --force to replace it (the old one is kept as %s.prev-N)"
	OutWrote         = "wrote %s: %d payslips, summary.xlsx, result.json, audit.jsonl"
	OutKeptPrevious  = "the previous output was kept as %s"
)

// explain.
const (
	CLIEmployeeRequired  = "--employee is required (an id or a name)"
	CLIUnknownEmployee   = "no employee %q in this month's roster"
	CLIAmbiguousEmployee = "%q is the name of more than one employee %s: use the id"
)

// Progress bars (stderr, terminals only).
const (
	ProgressRead     = "reading tables"
	ProgressPayslips = "writing payslips"
)

// Month lifecycle: close, diff, correct, fund ledger.
const (
	LedgerBadClosure        = "%s cannot be read: %v"
	LedgerAlreadyClosed     = "%s is already closed (by %s at %s)"
	LedgerCannotCloseUnpaid = "%s cannot be closed: %s (%d difference(s) in all)"
	LedgerCannotClose       = "%s cannot be closed: its audit trail does not verify (%s)"
	LedgerChangedAfterClose = "%s was changed after the month was closed at %s"
	LedgerClosed            = "closed %s (%s): result.json sha256 %s, audit.jsonl sha256 %s"
	LedgerByRequired        = "--by is required: the id of who signs the month off"
	LedgerRecomputeClosed   = "%s is a closed month (closed by %s at %s): paid history is never rewritten, not even with --force. To pay a correction, run payout correct --month %s --in <corrected inputs> --into <next month>; to preview, use compute --dry-run or payout diff"
	LedgerNotClosed         = "%s is not closed: corrections are for paid months (close it first with payout close, or compare with payout diff)"
	LedgerNoResult          = "%s has no result.json: it is neither an output folder nor usable as one"
	LedgerNoChanges         = "no changes"
	LedgerNoCorrections     = "%s: the corrected result pays everybody the same: no adjustments written"
	LedgerWroteCorrections  = "wrote the corrections to %s: rows %d, total %s"
	LedgerCorrectionsThere  = "%s already holds corrections of %s: not added again"
	LedgerAdjustXLSX        = "%s already has an adjustments table in %s; the corrections were written to %s: copy its rows into that table"
	LedgerAdjustHeader      = "cannot add corrections to %s: its header has no column %s"
	LedgerApproverUnknown   = "--approver %s is not an employee of %s"
	LedgerFundOverdrawn     = "after-sales fund overdrawn in %s: spending %s is more than the balance %s (opening %s + inflow %s)"
	LedgerNoMonths          = "no computed months in %s"
	LedgerBadOpening        = "the fund's opening balance must be a non-negative amount in whole fen, not %s"
	LedgerOpeningThere      = "%s already records an opening balance (%s: %s, by %s); --replace replaces it while no month from it on is closed"
	LedgerOpeningAfter      = "the opening balance is the fund before the first month payout computed, and %s comes after %s (computed under %s): record it for that month or an earlier one"
	LedgerOpeningClosed     = "the fund's opening balance cannot be set or changed from that month: %s is closed and was paid with the ledger as it stood"
	LedgerOpeningRecompute  = "%s was computed before the opening balance was recorded: compute it again (--force) so that its summary shows the fund from it"
	LedgerOpeningRecorded   = "recorded the fund's opening balance of %s: %s (by %s) in %s"
	LedgerOpeningFlags      = "--month, --balance and --by are required"
	LedgerFundMissingMonth  = "the after-sales fund ledger has no result for %s (under %s): its fund inflow and spending are not in the balances after it"
	LedgerBeforeOpening     = "%s is before the fund's opening balance (%s): its fund spending is not checked against the ledger"
	LedgerMonthMismatch     = "%s holds month %s, not %s"
	LedgerInputsChanged     = "input files changed: %s"
	LedgerPlanChanged       = "plan changed: sha256 %s… → %s…"
	LedgerPlanDiffers       = "warning: %s was paid with plan sha256 %s…, this correction uses %s…: the rows include the effect of the plan change (pass --plan with the plan the month was paid with if that is not intended)"
	LedgerIntoClosed        = "%s is closed: corrections are paid in a month that is still open"
	LedgerAllCarried        = "%s: the corrected result differs from the closed one only by what earlier corrections already carried (records: %d): nothing new to pay"
	LedgerFundOnly          = "the pay of %s is unchanged; the fund withheld changed by %s: booked as inflow of %s in the fund ledger"
	LedgerRecorded          = "recorded in %s"
	LedgerCorrectionsUnpaid = "%s does not pay the corrections of %s recorded for it: employee %s should get %s, its adjustments pay %s (copy the rows of %s into its adjustments table and compute it again)"
	LedgerIntoComputed      = "warning: %s was computed before these corrections: compute it again (--force) so that it pays them"
	LedgerSpentCarried      = "the fund spending of %s changed by %s since it was closed: booked as spending of %s in the fund ledger"
	LedgerSelfApproved      = "warning: --approver %s approves a correction of their own pay: have another manager approve it"
	LedgerCreatedFolder     = "created the folder %s (it did not exist): check that it is next month's input folder"
	LedgerPoolChanged       = "pool %s: %s → %s"
	LedgerStepChanged       = "%s: %s → %s"
	LedgerEmployeeAdded     = "new employee"
	LedgerEmployeeRemoved   = "employee removed"
)

// Corrections written as adjustment rows (simplified Chinese: the clerks read them).
const (
	CorrectionWord    = "更正"
	CorrectionBase    = "基本工资"
	CorrectionFileFmt = "调整-%s更正.csv"
)

// correct.
const (
	CLIBadInto      = "--into must be a month YYYY-MM, got %q"
	CLIIntoNotLater = "--into %s must be a month after %s: corrections are paid in a later month"
	CLIPrevFolder   = "%s is an earlier run kept aside by compute --force, not a month's output folder"
	CLIFolderMonth  = "%s is the folder of %s, not of %s"
	CLIMonthsDiffer = "%s holds %s and %s holds %s: a diff compares two results of the same month"
	CLINoOutRoot    = "output root %s does not exist"
	CLICorrectFlags = "--in (the corrected inputs) and --approver are required"
)
