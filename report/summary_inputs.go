package report

import "payout/model"

// writeWarnings writes 提示: one warning a row, wrapped.
func writeWarnings(b *book, in SummaryInput) error {
	s := b.addSheet(SheetWarnings)
	s.header(LabelWarnings)
	for _, w := range in.Warnings {
		s.str(1, w, b.wrap)
		s.next()
	}
	s.widths(120)
	return s.err
}

// writeInputs writes 输入文件: every table with its file, sheet and rows in and outside the month; then
// the plan and every input file with its SHA-256 and size.
func writeInputs(b *book, in SummaryInput) error {
	s := b.addSheet(SheetInputs)
	s.header(LabelTable, LabelFile, LabelSheet, LabelRowsUsed, LabelRowsOutside)
	for _, t := range in.Data.Tables {
		file := t.File
		if t.Missing {
			file = LabelMissing
		}
		s.texts(1, t.Table, file, t.Sheet)
		s.counts(4, int64(t.Rows-t.OutsideMonth), int64(t.OutsideMonth))
		s.next()
	}
	s.next()
	s.header(LabelFile, LabelSHA256, LabelSize)
	planFile := model.InputFile{Name: LabelPlan + ": " + in.Plan.Source, SHA256: in.Plan.SHA256, Size: int64(len(in.Plan.Text))}
	for _, f := range append([]model.InputFile{planFile}, in.Data.Files...) {
		s.texts(1, f.Name, f.SHA256)
		s.counts(3, f.Size)
		s.next()
	}
	s.widths(24, 70, 16, 12, 12)
	return s.err
}
