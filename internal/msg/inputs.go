package msg

// Messages of the input reader added for issue 10: file kinds and sizes, encodings, table names in file and
// sheet names, dates far from the month, excerpts of long values.

// Excerpts of long cell values: the first characters, then the value's length in bytes.
const (
	Excerpt = "%s… (%d bytes)"
)
