package calc

import (
	"bytes"
	"encoding/json"
)

// The result document of SPEC §6: amounts are strings with exactly 2 decimals, employees sorted by id,
// pools keyed by name in plan order.

// DocLine is a line of the document.
type DocLine struct {
	Scheme    string `json:"scheme"`
	Label     string `json:"label"`
	Gross     string `json:"gross"`
	Deduction string `json:"deduction"`
	Fund      string `json:"fund"`
	Net       string `json:"net"`
}

// DocEmployee is an employee of the document.
type DocEmployee struct {
	ID            string    `json:"id"`
	Name          string    `json:"name"`
	Role          string    `json:"role"`
	Probation     bool      `json:"probation"`
	BaseSalary    string    `json:"base_salary"`
	Lines         []DocLine `json:"lines"`
	Gross         string    `json:"gross"`
	Deduction     string    `json:"deduction"`
	Fund          string    `json:"fund"`
	NetCommission string    `json:"net_commission"`
	Total         string    `json:"total"`
}

// DocPool is a pool of the document.
type DocPool struct {
	Amount  string `json:"amount"`
	Members int    `json:"members"`
}

// DocPools keeps the plan's order when written as a JSON object.
type DocPools struct {
	Names []string
	Pools map[string]DocPool
}

// MarshalJSON writes the pools as an object in plan order.
func (p DocPools) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, n := range p.Names {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(n)
		v, err := json.Marshal(p.Pools[n])
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// UnmarshalJSON reads the pools object (order of the file).
func (p *DocPools) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	if _, err := dec.Token(); err != nil {
		return err
	}
	p.Pools = map[string]DocPool{}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return err
		}
		var v DocPool
		if err := dec.Decode(&v); err != nil {
			return err
		}
		name, _ := t.(string)
		p.Names = append(p.Names, name)
		p.Pools[name] = v
	}
	return nil
}

// Document is the result document.
type Document struct {
	Month       string        `json:"month"`
	Employees   []DocEmployee `json:"employees"`
	Pools       DocPools      `json:"pools"`
	FundTotal   string        `json:"fund_total"`
	PayoutTotal string        `json:"payout_total"`
	FundSpent   string        `json:"fund_spent"` // Σ fund_spending of the month (the fund ledger's outflow)
	Warnings    []string      `json:"warnings"`
}

// Document builds the result document.
func (r *Result) Document() Document {
	d := Document{Month: r.Month, FundTotal: money(r.FundTotal), PayoutTotal: money(r.PayoutTotal), FundSpent: money(r.FundSpent),
		Pools: DocPools{Pools: map[string]DocPool{}}, Employees: []DocEmployee{}, Warnings: []string{}}
	for _, e := range r.Employees {
		de := DocEmployee{ID: e.ID, Name: e.Name, Role: e.Role, Probation: e.Probation, BaseSalary: money(e.BaseSalary),
			Lines: []DocLine{}, Gross: money(e.Gross), Deduction: money(e.Deduction), Fund: money(e.Fund),
			NetCommission: money(e.NetCommission), Total: money(e.Total)}
		for _, l := range e.Lines {
			de.Lines = append(de.Lines, DocLine{Scheme: l.Scheme, Label: l.Label, Gross: money(l.Gross), Deduction: money(l.Deduction), Fund: money(l.Fund), Net: money(l.Net)})
		}
		d.Employees = append(d.Employees, de)
	}
	for _, p := range r.Pools {
		d.Pools.Names = append(d.Pools.Names, p.Name)
		d.Pools.Pools[p.Name] = DocPool{Amount: money(p.Amount), Members: len(p.Members)}
	}
	for _, w := range r.Warnings {
		d.Warnings = append(d.Warnings, w.Message)
	}
	return d
}

// JSON is the indented result document with a final newline.
func (d Document) JSON() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(d); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
