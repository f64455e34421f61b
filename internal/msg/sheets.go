package msg

// Workbook packages, the XML of their sheets, and the size of cell text (damaged and malicious files).
const (
	// XLSXDamaged takes the XML error, e.g. "XML syntax error: invalid character entity &B (no semicolon)".
	XLSXDamaged = "the sheet's XML is damaged (%s): rows from here on would be lost; open it in Excel or WPS and save it again, or export it again"
	// XLSXRowsNotRead takes the last row read and the last row the sheet has.
	XLSXRowsNotRead = "the sheet's rows after row %d cannot be read, though it has rows up to %d (its XML is damaged or unusual): open it in Excel or WPS and save it again, or export it again"
	// XLSXDuplicatePart takes the part's name inside the package.
	XLSXDuplicatePart = "the workbook holds %s twice (a damaged or tampered file): refused; open it in Excel or WPS and save it again, or export it again"
	// XLSXDuplicateSheet takes the two sheet names.
	XLSXDuplicateSheet = "the workbook has two sheets named %q and %q (a damaged or tampered file): refused; open it in Excel or WPS and save it again, or export it again"
	// XLSXNoSheetPart takes the sheet's name.
	XLSXNoSheetPart = "the XML of sheet %q is not in the workbook (a damaged file): open it in Excel or WPS and save it again, or export it again"
	// XLSXBadCell takes the cell, the attribute's name and its value.
	XLSXBadCell = "cell %s has %s=%q, which cannot be read (a damaged file): its value would be lost; open it in Excel or WPS and save it again, or export it again"
	// XLSXBadSharedIndex takes the cell, the index it gives and the number of shared strings.
	XLSXBadSharedIndex = "cell %s names shared string %q, but the workbook has %d (a damaged file): its value would be lost; open it in Excel or WPS and save it again, or export it again"
	// XLSXSharedDamaged takes the XML error.
	XLSXSharedDamaged = "the workbook's shared strings (xl/sharedStrings.xml) are damaged (%s): values would be lost; open it in Excel or WPS and save it again, or export it again"
	// CellTooLong takes the cell (e.g. "M800"), its characters and the limit.
	CellTooLong = "cell %s holds %d characters, more than the %d a cell can hold: refused (a damaged or malicious file?)"
	// TextTooMuch takes the limit in MB and the cell where it was passed.
	TextTooMuch = "the cells' text adds up to more than %d MB by cell %s, more than an export holds: refused (a damaged or malicious file?)"
)
