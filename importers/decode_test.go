package importers

import (
	"slices"
	"strings"
	"testing"

	"payout/internal/msg"
	"payout/model"
)

// The issues of one row come in the order its table's declaration reads the row, which is the column order
// except where a field is read before another (repair orders read the four dates that place them in the
// month together) and except for the table's own steps (a duplicate key right after the key's columns).
func TestDecodeIssueOrderOfARow(t *testing.T) {
	cases := []struct {
		name, file, line string
		row              int
		want             []string
	}{
		{name: "repair order: approved date read with the other dates", file: "维修工单.csv", row: 2,
			line: "R1,保养,A01,abc,,,12O5.00,x,,xyz,",
			want: []string{
				iss("维修工单.csv row 2, column 接车日期 (D2)", msg.ValNotDate, "abc"),
				iss("维修工单.csv row 2, column 定审日期 (J2)", msg.ValNotDate, "xyz"),
				iss("维修工单.csv row 2, column 实收金额 (G2)", msg.ValNotAmount, "12O5.00"),
				iss("维修工单.csv row 2, column 定审金额 (H2)", msg.ValNotAmount, "x"),
			}},
		{name: "roster: duplicate id before the later columns", file: "员工名册.csv", row: 8,
			line: "A01,钱九,服务顾问,-5,否,,,售后",
			want: []string{
				iss("员工名册.csv row 8, column 工号 (A8)", msg.ValDuplicate, "id", "A01", 2),
				iss("员工名册.csv row 8, column 基本工资 (D8)", msg.ValNegative, "-5"),
			}},
		{name: "advisor score: duplicate, then range", file: "接待考核.csv", row: 3,
			line: "A01,101",
			want: []string{
				iss("接待考核.csv row 3, column 工号 (A3)", msg.ValDuplicate, "emp_id", "A01", 2),
				iss("接待考核.csv row 3, column 考核分 (B3)", msg.ValScoreRange, "101"),
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			f := folder(baseFolder())
			f.add(c.file, c.line)
			f.write(t, dir)
			_, rep := read(t, dir)
			var got []string
			for _, i := range rep.Issues {
				if i.File == c.file && i.Row == c.row {
					got = append(got, i.String())
				}
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("issues of the row:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(c.want, "\n  "))
			}
		})
	}
}

// Every table declares its columns once, in template order, with a governing date column it has.
func TestTablesDeclareTheirColumns(t *testing.T) {
	for _, tb := range Tables {
		if tb.rows == nil || len(tb.Columns) == 0 {
			t.Fatalf("%s: no decoder or no columns", tb.Name)
		}
		var names []string
		for _, c := range tb.Columns {
			if slices.Contains(names, c.Name) {
				t.Errorf("%s: column %s declared twice", tb.Name, c.Name)
			}
			names = append(names, c.Name)
		}
		if tb.Dated != "" && tb.Column(tb.Dated) == nil {
			t.Errorf("%s: dated by %s, which it does not have", tb.Name, tb.Dated)
		}
	}
	// A field read before another keeps its place among the columns.
	got := strings.Join(namesOf(TableByName(TRepairOrders).Columns), ",")
	want := "ro_no,type,advisor_id,received_date,settled_date,delivered_date,paid_amount,approved_amount,self_pay,approved_date,gross_profit"
	if got != want {
		t.Errorf("repair order columns %s, want %s", got, want)
	}
	got = strings.Join(namesOf(TableByName(TAccessorySales).Columns), ",")
	want = "doc_no,item,date,seller_id,seller_dept,category,list_amount,paid_amount,installed,gift"
	if got != want {
		t.Errorf("accessory sale columns %s, want %s", got, want)
	}
}

func namesOf(cs []Column) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Name)
	}
	return out
}

func TestIntoRefusesReadBeforeAMissingColumn(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("into accepted a field read before a column the table does not have")
		}
	}()
	into(func(d *model.MonthData) *[]model.Wash { return &d.Washes }, func(w *model.Wash) *model.Source { return &w.Src },
		asText(col("plate"), func(w *model.Wash) *string { return &w.Plate }).readBefore("nope"))
}
