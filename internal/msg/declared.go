package msg

// Messages of the input reader for the inputs a plan declares (issue 11): its own tables and columns, its
// enumerations, teams, and the tables a plan written in the plan language reads.

// Values of the columns a plan declares. Formats with %q take the cell text.
const (
	ValBelowMin     = "%q is below %s, the smallest value the plan allows in this column"
	ValAboveMax     = "%q is above %s, the largest value the plan allows in this column"
	ValNotInEnum    = "unknown %q: not a name of the plan's enumeration %s (%s)"
	ValScopeNotTeam = "scope %q of metric %s must be a team: a value of the roster's column %s"
)

// Tables a plan needs.
const (
	InMissingUsed = "table %s (%s) is missing: it counts as empty"
)
