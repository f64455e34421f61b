package msg

// Messages of the input reader added for issue 10: file kinds and sizes, encodings, table names in file and
// sheet names, dates far from the month, excerpts of long values.

// Excerpts of long cell values: the first characters, then the value's length in bytes.
const (
	Excerpt = "%s… (%d bytes)"
)

// CSV encodings (the row is given by the location).
const (
	CSVNotText     = "this is not a text file (a NUL byte on this line): save the table as CSV UTF-8 (UTF-16 text, Excel's \"Unicode Text\", is read only with its byte order mark)"
	CSVNoEncoding  = "this line is neither UTF-8 nor GB18030 (GBK) text: the file is not a CSV table, or it is damaged; save the table again as CSV UTF-8"
	CSVUTF8InGB    = "this row is UTF-8 text, though the rest of the file is GB18030 (GBK) (a row pasted from a UTF-8 file?): retype it, or save the whole file again as CSV UTF-8"
	CSVBadGB       = "this row is neither GB18030 (GBK) text, as the rest of the file is, nor UTF-8: retype it, or save the whole file again as CSV UTF-8"
	InGrewTooLarge = "the file grew beyond %d MB while it was read: refused"
)

// Files of the month's folder.
const (
	InNotRegular       = "this is %s, not a regular file: only regular files are read (copy the table's file itself into the folder)"
	InTooLarge         = "the file is %d MB, more than the %d MB a %s of a month's table can be: refused (is it the right file?)"
	InChanged          = "the file was replaced while it was opened: run again"
	InFolderNamedTable = "a folder named like table %s (%s): files in sub-folders are not read; put the table's file itself in the month's folder, or rename the folder"
	InNameAmbiguous    = "the name names two tables, %s (%s) and %s (%s): rename it after one of them"
	InUnclaimedFile    = "no table is named in this file's name (nor, for a workbook, in its sheets' names), so it is not read: name it after its table (e.g. 10月维修工单.xlsx, or a sheet 维修工单), or move it out of the month's folder"
)

// What a folder entry that is not a regular file is, and the kinds of files size limits are for.
const (
	KindFolder   = "a folder"
	KindFIFO     = "a named pipe (FIFO)"
	KindDevice   = "a device"
	KindSocket   = "a socket"
	KindOther    = "a special file"
	KindCSV      = "CSV file"
	KindWorkbook = "workbook"
)

// Rows dated outside the month, and dates far from it.
const (
	RowOne           = "row %d"
	Rows             = "rows %s"
	RowsMore         = "rows %s and %d more"
	ValDateFarBefore = "%s is %d months before %s, the month computed: mistyped? (a row counts only in the month of its date)"
	ValDateFarAfter  = "%s is %d months after %s, the month computed: mistyped? (a row counts only in the month of its date)"
	InFarDatesMore   = "%d more dates of this table (%d in all) are more than %d months from %s; the first are listed"
)
