// Package model holds the typed month data that importers produce and calc consumes. It has no I/O.
//
// Every row keeps its Source (file, sheet, row) so that each figure can be traced back to the cells it came
// from. Enumerated fields hold the plan's canonical names (e.g. a repair order's Category is "customer").
package model

import (
	"fmt"
	"payout/internal/msg"
	"time"

	"github.com/shopspring/decimal"
)

// Source is where a row was read: file name (relative to the input folder), sheet (empty for CSV) and the
// row number as Excel or a text editor shows it (1-based).
type Source struct {
	File  string `json:"file"`
	Sheet string `json:"sheet,omitempty"`
	Row   int    `json:"row"`
}

func (s Source) String() string {
	if s.Sheet == "" {
		return fmt.Sprintf("%s row %d", s.File, s.Row)
	}
	return fmt.Sprintf("%s [%s] row %d", s.File, s.Sheet, s.Row)
}

// Month is a calendar month.
type Month struct {
	Year  int
	Month time.Month
}

// MinYear and MaxYear bound the years of business dates and months (SPEC is silent): a year outside is a
// typing slip ("0000-10", the day "3" read as the serial of 1900-01-03).
const MinYear, MaxYear = 2000, 2099

// ParseMonth parses "YYYY-MM".
func ParseMonth(s string) (Month, error) {
	t, err := time.Parse("2006-01", s)
	if err != nil || len(s) != 7 {
		return Month{}, fmt.Errorf(msg.MonthForm, s)
	}
	if t.Year() < MinYear || t.Year() > MaxYear {
		return Month{}, fmt.Errorf(msg.MonthRange, s, MinYear, MaxYear)
	}
	return Month{t.Year(), t.Month()}, nil
}

func (m Month) String() string { return fmt.Sprintf("%04d-%02d", m.Year, int(m.Month)) }

// Contains reports whether the date d (not zero) is in the month.
func (m Month) Contains(d Date) bool {
	return !d.IsZero() && d.Year == m.Year && d.Month == m.Month
}

// Date is a calendar date without time of day; the zero Date means "empty".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// IsZero reports an empty date.
func (d Date) IsZero() bool { return d.Year == 0 }

func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// After reports whether d is after e.
func (d Date) After(e Date) bool {
	if d.Year != e.Year {
		return d.Year > e.Year
	}
	if d.Month != e.Month {
		return d.Month > e.Month
	}
	return d.Day > e.Day
}

// Employee is a roster row.
type Employee struct {
	ID              string
	Name            string
	Role            string
	BaseSalary      decimal.Decimal
	Probation       bool
	MasterID        string
	ApprenticeShare decimal.Decimal
	HasShare        bool // apprentice_share was given
	Department      string
	Src             Source
}

// RepairOrder is a DMS repair order. An order is kept when any figure of the month can use it (received or
// settled in the month, or an accident order approved and delivered by then); each figure picks the date
// it uses (SPEC §4.2). An order with a date that could not be read is kept too (it has an error).
type RepairOrder struct {
	RONo           string
	Type           string // as written
	Category       string // customer, warranty, accident, internal
	AdvisorID      string
	Received       Date
	Settled        Date
	Delivered      Date
	Approved       Date
	PaidAmount     decimal.Decimal
	ApprovedAmount decimal.Decimal
	SelfPay        decimal.Decimal
	GrossProfit    decimal.Decimal
	Src            Source
}

// WarrantyReceipt is manufacturer warranty money received.
type WarrantyReceipt struct {
	ClaimNo string
	Date    Date
	Amount  decimal.Decimal
	RONo    string
	Src     Source
}

// Collection is money collected on settled accounts.
type Collection struct {
	DocNo  string
	Kind   string // fleet, insurance
	Date   Date
	Amount decimal.Decimal
	Src    Source
}

// AccessorySale is an accessory or care-product sale.
type AccessorySale struct {
	DocNo      string
	Item       string
	Date       Date
	SellerID   string
	SellerDept string // aftersales, sales, other
	Category   string // accessory, care, generic
	ListAmount decimal.Decimal
	PaidAmount decimal.Decimal
	Installed  bool
	Gift       bool
	Src        Source
}

// LaborHours are billed labour hours of a technician.
type LaborHours struct {
	TechID       string
	Date         Date
	Hours        decimal.Decimal
	MaterialCost decimal.Decimal
	RONo         string
	Src          Source
}

// Wash is one car wash.
type Wash struct {
	Date       Date
	WasherID   string
	Plate      string
	Minutes    decimal.Decimal
	HasMinutes bool
	Src        Source
}

// BeautySale is beauty revenue.
type BeautySale struct {
	DocNo  string
	Date   Date
	Amount decimal.Decimal
	Src    Source
}

// InsuranceClaim is an insurer-approved claim brought in by an agent.
type InsuranceClaim struct {
	DocNo          string
	AgentID        string
	ApprovedDate   Date
	ApprovedAmount decimal.Decimal
	Src            Source
}

// Renewal is an insurance renewal sold by an employee.
type Renewal struct {
	PolicyNo     string
	SellerID     string
	Date         Date
	RebateProfit decimal.Decimal
	Src          Source
}

// Target is a signed target for a metric and scope (a pool name or an employee id).
type Target struct {
	Metric string
	Scope  string // canonical pool name, or employee id
	Target decimal.Decimal
	Src    Source
}

// WorkshopScore holds the deduction points of a workshop employee.
type WorkshopScore struct {
	EmpID       string
	Performance decimal.Decimal
	Quality     decimal.Decimal
	Environment decimal.Decimal
	Teamwork    decimal.Decimal
	Src         Source
}

// Points is the sum of the four deduction columns.
func (w WorkshopScore) Points() decimal.Decimal {
	return w.Performance.Add(w.Quality).Add(w.Environment).Add(w.Teamwork)
}

// AdvisorScore is an advisor's assessment score.
type AdvisorScore struct {
	EmpID string
	Score decimal.Decimal
	Src   Source
}

// Incident is a complaint or violation.
type Incident struct {
	EmpID    string
	Date     Date
	Kind     string // complaint, wash_complaint, untidy, wash_overtime
	Verified bool
	Note     string
	Src      Source
}

// Adjustment is an approved change for the month.
type Adjustment struct {
	EmpID      string
	Kind       string // coefficient, bonus, deduction
	Pool       string // canonical pool name (coefficient)
	Value      decimal.Decimal
	Reason     string
	ApproverID string
	Src        Source
}

// FundSpending is money spent from the after-sales fund 〔十二.2, 十二.5〕: approved by the station manager,
// kept by the assistant.
type FundSpending struct {
	Date       Date
	Amount     decimal.Decimal
	Purpose    string
	ApproverID string
	KeeperID   string
	Src        Source
}

// MonthData is one month of validated input. Dated tables hold only the rows whose governing date is in the
// month; repair orders are kept when a figure of the month can use them (see RepairOrder).
type MonthData struct {
	Month            Month
	Employees        []Employee
	RepairOrders     []RepairOrder
	WarrantyReceipts []WarrantyReceipt
	Collections      []Collection
	AccessorySales   []AccessorySale
	LaborHours       []LaborHours
	Washes           []Wash
	BeautySales      []BeautySale
	InsuranceClaims  []InsuranceClaim
	Renewals         []Renewal
	Targets          []Target
	WorkshopScores   []WorkshopScore
	AdvisorScores    []AdvisorScore
	Incidents        []Incident
	Adjustments      []Adjustment
	FundSpending     []FundSpending
	// Generic holds every table read as generic rows, by canonical name (plans written in the plan language).
	Generic map[string]*Rows
	// Tables lists every table found (or missing) with its file and row counts, in table order.
	Tables []TableInfo
	// Files are the input files that gave a table, in name order, with their SHA-256.
	Files []InputFile
}

// Team is a master with the apprentices under it (SPEC §4.5); an employee with neither is a team of one.
type Team struct {
	Master      string
	Apprentices []string // in roster order
}

// Members returns the master followed by its apprentices.
func (t Team) Members() []string { return append([]string{t.Master}, t.Apprentices...) }

// Teams groups the roster into teams, in roster order of the masters. An employee whose master_id names
// someone on the roster joins that master's team; everybody else heads a team.
func Teams(emps []Employee) []Team {
	ids := make(map[string]bool, len(emps))
	for _, e := range emps {
		ids[e.ID] = true
	}
	index := map[string]int{}
	var out []Team
	for _, e := range emps {
		if e.MasterID == "" || !ids[e.MasterID] || e.MasterID == e.ID {
			if _, ok := index[e.ID]; !ok {
				index[e.ID] = len(out)
				out = append(out, Team{Master: e.ID})
			}
		}
	}
	for _, e := range emps {
		if e.MasterID != "" && ids[e.MasterID] && e.MasterID != e.ID {
			if i, ok := index[e.MasterID]; ok {
				out[i].Apprentices = append(out[i].Apprentices, e.ID)
			}
		}
	}
	return out
}

// TableInfo says where a table was read and how many rows were used or set aside.
type TableInfo struct {
	Table        string `json:"table"`
	File         string `json:"file,omitempty"`
	Sheet        string `json:"sheet,omitempty"`
	Rows         int    `json:"rows"`          // data rows read (blank and total rows excluded)
	OutsideMonth int    `json:"outside_month"` // rows whose governing date is not in the month
	Missing      bool   `json:"missing,omitempty"`
}

// InputFile is an input file with its SHA-256.
type InputFile struct {
	Name   string `json:"name"`
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
}

// DropRows lets go of the typed rows once the month has been computed (the result keeps the sources it
// needs), keeping the month, the tables and the files. Writing thousands of payslips then runs with a
// small live heap, which keeps the garbage collector cheap and the memory low.
func (d *MonthData) DropRows() {
	*d = MonthData{Month: d.Month, Tables: d.Tables, Files: d.Files}
}
