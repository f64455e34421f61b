package calc

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"payout/internal/msg"
	"payout/model"
	"payout/plan"
)

// ---- accessories (SPEC §4.4) ----

// sellerKind classifies an after-sales seller by role: a pool seller (advisor pool), a specialist, or other.
func (e *engine) sellerKind(role string) string {
	ac := e.p.Accessory
	for _, pn := range ac.PoolSellers.Pools {
		if pl := e.p.Pool(pn.Name); pl != nil {
			if _, ok := pl.Coefficient(role); ok {
				return "pool_seller"
			}
		}
	}
	if plan.HasRef(ac.Specialists.Roles, role) {
		return "specialist"
	}
	return "other"
}

func (e *engine) sendToPool(pool string, v decimal.Decimal, src model.Source) {
	e.poolRows[pool] = e.poolRows[pool].Add(v)
	e.poolRowsSrc[pool] = append(e.poolRowsSrc[pool], src)
}

// sendShares sends base × rate of an accessory row to each share's pool (installed-only shares only when the
// row was installed) and describes what it sent.
func (e *engine) sendShares(shares []plan.Share, base decimal.Decimal, a model.AccessorySale) string {
	var parts []string
	for _, s := range shares {
		if s.InstalledOnly && !a.Installed {
			continue
		}
		v := base.Mul(s.Rate.Decimal)
		e.sendToPool(s.Pool.Name, v, a.Src)
		parts = append(parts, fmt.Sprintf("%s %s × %s = %s", s.Pool.Name, base, s.Rate, v))
	}
	return strings.Join(parts, "; ")
}

func (e *engine) accessories() {
	ac := e.p.Accessory
	// Pass 1: eligible revenue per seller (the actual of the accessory_sales metric).
	type row struct {
		a        model.AccessorySale
		eligible bool
	}
	rows := make([]row, 0, len(e.d.AccessorySales))
	for _, a := range e.d.AccessorySales {
		if !e.earning(a) {
			continue
		}
		el := true
		if a.SellerDept == plan.DeptAftersales {
			el = a.PaidAmount.GreaterThan(a.ListAmount.Mul(ac.MinRatio.Decimal))
			if el {
				e.accRevenue[a.SellerID] = e.accRevenue[a.SellerID].Add(a.PaidAmount)
			}
		}
		rows = append(rows, row{a, el})
	}
	// Achievement rate of each specialist seller who sold something.
	rates := map[string]decimal.Decimal{}
	achs := map[string]Achievement{} // of the specialists with a target, for their line's detail
	rateOf := func(id string) decimal.Decimal {
		if r, ok := rates[id]; ok {
			return r
		}
		metric := ac.Specialists.Metric.Name
		t, ok := e.target(metric, id)
		var r decimal.Decimal
		if !ok {
			// A probation seller without a target counts as 1 (SPEC §4.3); a missing target of anyone else
			// is an input error reported by the importers.
			r = one
			if e.paid(id) {
				r = zero
				e.warn(fmt.Sprintf(msg.CalcTargetMissing, metric, id))
			}
		} else {
			a := e.achievement(metric, id, e.accRevenue[id], t.Target, []model.Source{t.Src})
			r, achs[id] = a.Rate, a
		}
		rates[id] = r
		return r
	}
	for _, x := range rows {
		a := x.a
		base := a.PaidAmount
		in := []KV{{"doc_no", a.DocNo}, {"item", a.Item}, {"seller_dept", a.SellerDept}, {"paid_amount", a.PaidAmount.String()}, {"installed", fmt.Sprint(a.Installed)}}
		if a.SellerDept != plan.DeptAftersales {
			if a.Gift {
				base = a.ListAmount
			}
			parts := e.sendShares(ac.OtherDepartments.Shares, base, a)
			e.step(Step{Rule: "accessory.other_department", Inputs: append(in, KV{"gift", fmt.Sprint(a.Gift)}), Formula: "base = list_amount if gift else paid_amount; " + parts, Result: "to pools", Sources: []model.Source{a.Src}})
			continue
		}
		if !x.eligible {
			e.step(Step{Rule: "accessory.below_min_ratio", Inputs: append(in, KV{"list_amount", a.ListAmount.String()}), Formula: fmt.Sprintf("paid ≤ list × %s: earns nothing", ac.MinRatio), Result: "0", Sources: []model.Source{a.Src}})
			continue
		}
		seller := e.emps[a.SellerID]
		if seller == nil {
			continue
		}
		switch e.sellerKind(seller.Role) {
		case "pool_seller":
			parts := e.sendShares(ac.PoolSellers.Shares, base, a)
			e.step(Step{Rule: "accessory.pool_seller", Employee: seller.ID, Inputs: in, Formula: parts, Result: "to pools", Sources: []model.Source{a.Src}})
		default:
			rate, ach := ac.OthersRate.Decimal, one
			rule := "accessory.other_seller"
			if e.sellerKind(seller.Role) == "specialist" {
				rate, ach, rule = ac.Specialists.Rate.Decimal, rateOf(seller.ID), "accessory.specialist"
			}
			own := base.Mul(rate).Mul(ach)
			f := fmt.Sprintf("%s × %s × %s = %s", base, rate, ach, own)
			if a.Installed {
				sp := ac.Specialists.InstalledSellerPart.Decimal
				toPool := own.Sub(own.Mul(sp))
				own = own.Mul(sp)
				e.sendToPool(ac.Specialists.InstalledPool.Name, toPool, a.Src)
				f += fmt.Sprintf("; installed: seller × %s = %s, %s gets %s", sp, own, ac.Specialists.InstalledPool.Name, toPool)
			}
			if e.paid(seller.ID) {
				e.accOwn[seller.ID] = e.accOwn[seller.ID].Add(own)
				e.accOwnSrc[seller.ID] = append(e.accOwnSrc[seller.ID], a.Src)
			} else {
				f += "; seller on probation: own part not paid"
			}
			e.step(Step{Rule: rule, Employee: seller.ID, Inputs: in, Formula: f, Result: own.String(), Sources: []model.Source{a.Src}})
		}
	}
	for _, id := range sortedKeys(e.accOwn) {
		l := e.line(id, plan.LineAccessory)
		l.Gross = cents(e.accOwn[id])
		// The rate the seller's own rows earn (SPEC §7: every line shows its rate and achievement rates).
		l.Detail = LineDetail{BaseLabel: "accessory_revenue", Base: e.accRevenue[id], Rate: ac.OthersRate.Decimal, HasRate: true}
		if s := e.emps[id]; s != nil && e.sellerKind(s.Role) == "specialist" {
			l.Detail.Rate = ac.Specialists.Rate.Decimal
			if a, ok := achs[id]; ok {
				l.Detail.Achievements = []Achievement{a}
			}
		}
		e.step(Step{Rule: "accessory.line", Employee: id, Inputs: []KV{{"exact", e.accOwn[id].String()}}, Formula: "round(Σ own parts)", Result: money(l.Gross), Sources: e.accOwnSrc[id]})
	}
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sortedIDs(out)
	return out
}

// ---- pools (SPEC §4.1, §5) ----

func (e *engine) pools() {
	for _, pl := range e.p.Pools {
		pr := PoolResult{Name: pl.Name.Name, Label: pl.Named().Label()}
		// Members: non-probation employees whose role is in the pool, by id.
		var ms []member
		var ids []string
		for _, em := range e.d.Employees {
			if _, ok := pl.Coefficient(em.Role); ok && !em.Probation {
				ids = append(ids, em.ID)
			}
		}
		sortedIDs(ids)
		adjusted := map[string]bool{}
		for _, id := range ids {
			c, _ := pl.Coefficient(e.emps[id].Role)
			if a, ok := e.coefAdj[[2]string{id, pl.Name.Name}]; ok {
				c = a.Value
				adjusted[id] = true
				e.step(Step{Rule: "pool.coefficient_adjustment", Pool: pl.Name.Name, Employee: id, Inputs: []KV{{"approver", a.ApproverID}, {"reason", a.Reason}},
					Formula: "coefficient replaced for this month", Result: c.String(), Sources: []model.Source{a.Src}})
			}
			ms = append(ms, member{id, c})
			pr.CoefSum = pr.CoefSum.Add(c)
		}
		// Amount: Σ terms + accessory shares, exact, rounded once.
		exact := zero
		targetMissing := false
		for _, t := range pl.Amount {
			tr := Term{Figure: t.Figure.Name, Value: e.figures[t.Figure.Name], Rate: t.Rate.Decimal}
			v := tr.Value.Mul(tr.Rate)
			f := fmt.Sprintf("%s × %s", tr.Value, tr.Rate)
			missing := false
			for _, m := range t.Achievements {
				tg, ok := e.target(m.Name, pl.Name.Name)
				if !ok {
					missing = true
					if len(ms) > 0 {
						e.warn(fmt.Sprintf(msg.CalcTargetMissing, m.Name, pl.Name.Name))
					}
					continue
				}
				a := e.achievement(m.Name, pl.Name.Name, e.figures[e.p.Metric(m.Name).Figure.Name], tg.Target, []model.Source{tg.Src})
				tr.Achievements = append(tr.Achievements, a)
				v = v.Mul(a.Rate)
				f += fmt.Sprintf(" × %s", a.Rate)
			}
			if missing {
				// A pool needing a target that is missing: 0.00 (no members) or an input error (members).
				v = zero
				f += " (target missing: 0)"
				targetMissing = true
			}
			tr.Exact = v
			pr.Terms = append(pr.Terms, tr)
			exact = exact.Add(v)
			e.step(Step{Rule: "pool.term", Pool: pl.Name.Name, Inputs: []KV{{"figure", t.Figure.Name}, {"value", tr.Value.String()}, {"rate", t.Rate.String()}}, Formula: f, Result: v.String()})
		}
		pr.FromRows = e.poolRows[pl.Name.Name]
		formula := "round(Σ terms + Σ accessory shares)"
		if targetMissing && len(ms) == 0 {
			// SPEC §4.3, read literally: a pool without members whose target is missing has the amount 0.00,
			// its accessory shares included (nobody could be paid them anyway).
			formula = "no members and a target missing: 0.00"
			exact = zero
		} else {
			exact = exact.Add(pr.FromRows)
		}
		pr.Exact = exact
		pr.Amount = cents(exact)
		e.step(Step{Rule: "pool.amount", Pool: pl.Name.Name, Inputs: []KV{{"terms", exact.Sub(pr.FromRows).String()}, {"accessory_shares", pr.FromRows.String()}},
			Formula: formula, Result: money(pr.Amount), Sources: e.poolRowsSrc[pl.Name.Name]})
		if len(ms) == 0 {
			if !pr.Amount.IsZero() {
				e.warn(fmt.Sprintf(msg.CalcPoolNoMembers, pl.Name.Name, money(pr.Amount)))
			} else if targetMissing && !cents(pr.FromRows).IsZero() {
				// The accessory shares the literal reading sets to 0.00 are said, not lost quietly.
				e.warn(fmt.Sprintf(msg.CalcPoolSharesUnpaid, pl.Name.Name, money(cents(pr.FromRows))))
			}
			e.res.Pools = append(e.res.Pools, pr)
			continue
		}
		shares, extra := splitLargestRemainder(pr.Amount, ms)
		for i, m := range ms {
			ex := pr.Amount.Mul(m.coef).DivRound(pr.CoefSum, 10)
			pr.Members = append(pr.Members, Share{EmployeeID: m.id, Coefficient: m.coef, Adjusted: adjusted[m.id], Exact: ex, Amount: shares[i], ExtraCent: extra[i]})
			l := e.line(m.id, pl.Name.Name)
			l.Gross = shares[i]
			l.Detail = LineDetail{BaseLabel: "pool_amount", Base: pr.Amount, Coefficient: m.coef, CoefSum: pr.CoefSum, HasCoef: true}
			for _, t := range pr.Terms {
				l.Detail.Achievements = append(l.Detail.Achievements, t.Achievements...)
			}
			note := ""
			if extra[i] {
				note = " + 0.01 (largest remainder)"
			}
			e.step(Step{Rule: "pool.share", Pool: pl.Name.Name, Employee: m.id, Inputs: []KV{{"amount", money(pr.Amount)}, {"coefficient", m.coef.String()}, {"coefficient_sum", pr.CoefSum.String()}},
				Formula: fmt.Sprintf("floor(%s × %s / %s)%s", money(pr.Amount), m.coef, pr.CoefSum, note), Result: money(shares[i])})
		}
		e.res.Pools = append(e.res.Pools, pr)
	}
}

// ---- workshop hours (SPEC §4.5) ----

func (e *engine) hours() {
	type acc struct {
		hours, mat decimal.Decimal
		src        []model.Source
	}
	per := map[string]*acc{}
	for _, h := range e.d.LaborHours {
		a := per[h.TechID]
		if a == nil {
			a = &acc{}
			per[h.TechID] = a
		}
		a.hours = a.hours.Add(h.Hours)
		a.mat = a.mat.Add(h.MaterialCost)
		a.src = append(a.src, h.Src)
	}
	amounts := map[string]decimal.Decimal{}
	details := map[string]LineDetail{}
	for _, t := range model.Teams(e.d.Employees) {
		master := e.emps[t.Master]
		sch := e.p.HoursScheme(master.Role)
		if sch == nil {
			continue
		}
		hours, mat := zero, zero
		var src []model.Source
		for _, id := range t.Members() {
			if a := per[id]; a != nil {
				hours, mat = hours.Add(a.hours), mat.Add(a.mat)
				src = append(src, a.src...)
			}
		}
		if !hours.IsPositive() {
			continue
		}
		reduction := zero
		matNote := ""
		if mt := sch.Material; mt != nil && reached(sch.Tiers, hours) >= 0 {
			reduction = mt.Above.Decimal
			matNote = fmt.Sprintf("material %s > %s × %s hours: −%s", mat, mt.Bands[len(mt.Bands)-1].UpTo, hours, reduction)
			for _, b := range mt.Bands {
				if mat.LessThanOrEqual(b.UpTo.Mul(hours)) {
					reduction = b.Reduction.Decimal
					matNote = fmt.Sprintf("material %s ≤ %s × %s hours: −%s", mat, b.UpTo, hours, reduction)
					break
				}
			}
		}
		tr := applyTiers(sch.Tiers, hours, reduction)
		bonus := cents(tr.Amount)
		e.step(Step{Rule: "hours.team", Employee: t.Master, Inputs: []KV{{"team", strings.Join(t.Members(), ", ")}, {"team_hours", hours.String()}, {"material_cost", mat.String()}, {"mode", sch.Tiers.Mode.Name}},
			Formula: strings.TrimPrefix(matNote+"; "+tr.Formula, "; "), Result: money(bonus), Sources: src})
		rest := bonus
		for _, id := range t.Apprentices {
			ap := e.emps[id]
			if ap.Probation {
				e.step(Step{Rule: "hours.apprentice_share", Employee: id, Inputs: []KV{{"master", t.Master}}, Formula: "apprentice on probation: its share stays with the master", Result: "0.00"})
				continue
			}
			s := cents(bonus.Mul(ap.ApprenticeShare))
			rest = rest.Sub(s)
			amounts[id] = s
			details[id] = LineDetail{BaseLabel: "team_hours", Base: hours, Rate: tr.Rate, HasRate: true, Coefficient: ap.ApprenticeShare, HasCoef: true,
				TeamBonus: bonus, HasTeamBonus: true}
			e.step(Step{Rule: "hours.apprentice_share", Employee: id, Inputs: []KV{{"team_bonus", money(bonus)}, {"share", ap.ApprenticeShare.String()}}, Formula: fmt.Sprintf("round(%s × %s)", money(bonus), ap.ApprenticeShare), Result: money(s)})
		}
		if rest.IsNegative() {
			// Apprentice shares adding up to 1, each rounded up, leave the master −0.01: SPEC §4.5 read
			// literally ("the master gets the rest"); said so, since a negative hours line is unusual.
			e.warn(fmt.Sprintf(msg.CalcMasterNegative, t.Master, money(rest), money(bonus)), src...)
		}
		if master.Probation {
			e.step(Step{Rule: "hours.master_share", Employee: t.Master, Formula: "master on probation: its part is not paid", Result: "0.00"})
		} else {
			amounts[t.Master] = rest
			details[t.Master] = LineDetail{BaseLabel: "team_hours", Base: hours, Rate: tr.Rate, HasRate: true, TeamBonus: bonus, HasTeamBonus: true}
			e.step(Step{Rule: "hours.master_share", Employee: t.Master, Inputs: []KV{{"team_bonus", money(bonus)}}, Formula: "team bonus − apprentices' shares", Result: money(rest)})
		}
	}
	for _, id := range sortedKeys(amounts) {
		e.assessed(id, plan.LineHours, amounts[id], details[id])
	}
}

// assessed books an hours or wash amount with the 40/60 assessment 〔四.4.1–4.2〕 when the plan assesses it.
func (e *engine) assessed(id, scheme string, amount decimal.Decimal, det LineDetail) {
	l := e.line(id, scheme)
	l.Gross = amount
	l.Detail = det
	as := e.p.Assessment
	if !plan.HasRef(as.Schemes, scheme) {
		return
	}
	pts := e.points[id]
	if pts.GreaterThan(as.MaxPoints.Decimal) {
		pts = as.MaxPoints.Decimal
	}
	assessedPart := cents(amount.Mul(as.AssessedPart.Decimal))
	ded := cents(assessedPart.Mul(pts).Div(hundred))
	var src []model.Source
	if s, ok := e.pointsSrc[id]; ok {
		src = []model.Source{s}
	}
	e.step(Step{Rule: "assessment", Employee: id, Inputs: []KV{{"scheme", scheme}, {"amount", money(amount)}, {"assessed_part", as.AssessedPart.String()}, {"points", pts.String()}},
		Formula: fmt.Sprintf("assessed = round(%s × %s) = %s; deduction = round(%s × %s%%)", money(amount), as.AssessedPart, money(assessedPart), money(assessedPart), pts), Result: money(ded), Sources: src})
	if ded.IsPositive() {
		l.Deduction = l.Deduction.Add(ded)
		l.Deductions = append(l.Deductions, Deduction{Reason: fmt.Sprintf(msg.ReasonPoints, pts.String()), Amount: ded})
	}
}

// ---- washes (SPEC §4.5) ----

func (e *engine) wash() {
	count := map[string]int64{}
	srcs := map[string][]model.Source{}
	for _, w := range e.d.Washes {
		count[w.WasherID]++
		srcs[w.WasherID] = append(srcs[w.WasherID], w.Src)
	}
	rate := e.p.Wash.PieceRate.Decimal
	for _, id := range sortedKeys(count) {
		em := e.emps[id]
		if em == nil || !plan.HasRef(e.p.Wash.Roles, em.Role) || em.Probation {
			continue
		}
		n := decimal.NewFromInt(count[id])
		amt := cents(n.Mul(rate))
		e.step(Step{Rule: "wash.piece_rate", Employee: id, Inputs: []KV{{"washes", n.String()}, {"piece_rate", rate.String()}}, Formula: fmt.Sprintf("%s × %s", n, rate), Result: money(amt), Sources: srcs[id]})
		e.assessed(id, plan.LineWash, amt, LineDetail{BaseLabel: "wash_count", Base: n, Rate: rate, HasRate: true})
	}
}

// ---- insurance and renewals (SPEC §4.6) ----

func (e *engine) insurance() {
	sum := map[string]decimal.Decimal{}
	srcs := map[string][]model.Source{}
	for _, c := range e.d.InsuranceClaims {
		sum[c.AgentID] = sum[c.AgentID].Add(c.ApprovedAmount)
		srcs[c.AgentID] = append(srcs[c.AgentID], c.Src)
	}
	for _, id := range sortedKeys(sum) {
		if !e.paid(id) {
			continue
		}
		tr := applyTiers(e.p.Insurance.Tiers, sum[id], zero)
		amt := cents(tr.Amount)
		e.step(Step{Rule: "insurance", Employee: id, Inputs: []KV{{"approved_total", sum[id].String()}}, Formula: tr.Formula, Result: money(amt), Sources: srcs[id]})
		l := e.line(id, plan.LineInsurance)
		l.Gross = amt
		l.Detail = LineDetail{BaseLabel: "approved_total", Base: sum[id], Rate: tr.Rate, HasRate: true}
	}
}

func (e *engine) renewals() {
	sum := map[string]decimal.Decimal{}
	srcs := map[string][]model.Source{}
	for _, r := range e.d.Renewals {
		sum[r.SellerID] = sum[r.SellerID].Add(r.RebateProfit)
		srcs[r.SellerID] = append(srcs[r.SellerID], r.Src)
	}
	rate := e.p.Renewal.Rate.Decimal
	for _, id := range sortedKeys(sum) {
		if !e.paid(id) {
			continue
		}
		amt := cents(sum[id].Mul(rate))
		e.step(Step{Rule: "renewal", Employee: id, Inputs: []KV{{"rebate_profit", sum[id].String()}, {"rate", rate.String()}}, Formula: fmt.Sprintf("round(%s × %s)", sum[id], rate), Result: money(amt), Sources: srcs[id]})
		l := e.line(id, plan.LineRenewal)
		l.Gross = amt
		l.Detail = LineDetail{BaseLabel: "rebate_profit", Base: sum[id], Rate: rate, HasRate: true}
	}
}

// ---- deductions (SPEC §4.7) ----

func (e *engine) advisorDeductions() {
	ad := e.p.AdvisorDeductions
	complaints := map[string]int64{}
	csrc := map[string][]model.Source{}
	for _, i := range e.d.Incidents {
		if i.Kind == plan.IncComplaint && i.Verified {
			complaints[i.EmpID]++
			csrc[i.EmpID] = append(csrc[i.EmpID], i.Src)
		}
	}
	scores := map[string]model.AdvisorScore{}
	for _, s := range e.d.AdvisorScores {
		scores[s.EmpID] = s
	}
	for _, id := range sortedKeys(e.lines) {
		l := e.lines[id][ad.Pool.Name]
		if l == nil {
			continue
		}
		rate := zero
		var reasons []Deduction
		var rates []decimal.Decimal
		n := complaints[id]
		cr := zero
		for _, c := range ad.Complaints {
			if n >= c.Count.IntPart() {
				cr = c.Rate.Decimal
			}
		}
		if cr.IsPositive() {
			rate = rate.Add(cr)
			reasons = append(reasons, Deduction{Reason: fmt.Sprintf(msg.ReasonComplaints, n, pct(cr))})
			rates = append(rates, cr)
		}
		src := csrc[id]
		if s, ok := scores[id]; ok {
			src = append(src, s.Src)
			if s.Score.LessThan(ad.ScoreBelow.Decimal) {
				rate = rate.Add(ad.ScoreRate.Decimal)
				reasons = append(reasons, Deduction{Reason: fmt.Sprintf(msg.ReasonScore, s.Score.String(), ad.ScoreBelow.String(), pct(ad.ScoreRate.Decimal))})
				rates = append(rates, ad.ScoreRate.Decimal)
			}
		}
		if !rate.IsPositive() {
			continue
		}
		ded := cents(l.Gross.Mul(rate))
		// One rounding for the sum of the percentages; the reasons share it in proportion for display,
		// the last taking the rest so that they add up to the deduction.
		left := ded
		for i := range reasons {
			if i == len(reasons)-1 {
				reasons[i].Amount = left
			} else {
				reasons[i].Amount = cents(l.Gross.Mul(rates[i]))
				left = left.Sub(reasons[i].Amount)
			}
		}
		l.Deduction = l.Deduction.Add(ded)
		l.Deductions = append(l.Deductions, reasons...)
		e.step(Step{Rule: "advisor.deduction", Employee: id, Pool: ad.Pool.Name, Inputs: []KV{{"gross", money(l.Gross)}, {"verified_complaints", fmt.Sprint(n)}, {"rate", rate.String()}},
			Formula: fmt.Sprintf("round(%s × %s)", money(l.Gross), rate), Result: money(ded), Sources: src})
	}
}

func pct(d decimal.Decimal) string { return d.Shift(2).String() + "%" }

func (e *engine) beautyFines() {
	bf := e.p.BeautyFines
	fines := map[string]decimal.Decimal{}
	counts := map[string]map[string]int{}
	srcs := map[string][]model.Source{}
	add := func(id, kind string, amt decimal.Decimal, src model.Source) {
		fines[id] = fines[id].Add(amt)
		if counts[id] == nil {
			counts[id] = map[string]int{}
		}
		counts[id][kind]++
		srcs[id] = append(srcs[id], src)
	}
	per := map[string]decimal.Decimal{
		plan.IncWashComplaint: bf.PerIncident.WashComplaint.Decimal,
		plan.IncUntidy:        bf.PerIncident.Untidy.Decimal,
		plan.IncWashOvertime:  bf.PerIncident.WashOvertime.Decimal,
	}
	for _, i := range e.d.Incidents {
		if amt, ok := per[i.Kind]; ok && i.Verified {
			add(i.EmpID, i.Kind, amt, i.Src)
		}
	}
	for _, w := range e.d.Washes {
		if w.HasMinutes && (w.Minutes.LessThan(bf.WashMinutes.Min.Decimal) || w.Minutes.GreaterThan(bf.WashMinutes.Max.Decimal)) {
			add(w.WasherID, plan.IncWashOvertime, per[plan.IncWashOvertime], w.Src)
		}
	}
	for _, id := range sortedKeys(fines) {
		total := fines[id]
		if !total.IsPositive() {
			continue
		}
		l := e.lineIf(id, bf.Pool.Name)
		gross := zero
		if l != nil {
			gross = l.Gross
		}
		taken := total
		if taken.GreaterThan(gross) {
			taken = gross
			name := id
			if em := e.emps[id]; em != nil {
				name = em.Name
			}
			e.warn(fmt.Sprintf(msg.CalcFinesOver, id, name, money(total), money(gross), money(total.Sub(gross))), srcs[id]...)
		}
		var parts []string
		for _, k := range []string{plan.IncWashComplaint, plan.IncUntidy, plan.IncWashOvertime} {
			if n := counts[id][k]; n > 0 {
				parts = append(parts, fmt.Sprintf("%s×%d", e.kindLabel(k), n))
			}
		}
		e.step(Step{Rule: "beauty.fines", Employee: id, Pool: bf.Pool.Name, Inputs: []KV{{"fines", strings.Join(parts, ", ")}, {"total", money(total)}, {"line_gross", money(gross)}},
			Formula: "min(Σ fines, beauty line gross)", Result: money(taken), Sources: srcs[id]})
		if l != nil && taken.IsPositive() {
			l.Deduction = l.Deduction.Add(taken)
			l.Deductions = append(l.Deductions, Deduction{Reason: fmt.Sprintf(msg.ReasonFines, strings.Join(parts, ", ")), Amount: taken})
		}
	}
}

// ---- adjustments (SPEC §4.7) ----

func (e *engine) adjustments() {
	for _, a := range e.d.Adjustments {
		if a.Kind != plan.AdjBonus && a.Kind != plan.AdjDeduction {
			continue
		}
		if e.emps[a.EmpID] == nil {
			continue
		}
		l := e.line(a.EmpID, plan.LineAdjustment)
		if a.Kind == plan.AdjBonus {
			l.Gross = l.Gross.Add(a.Value)
			if l.Detail.Note != "" {
				l.Detail.Note += "; "
			}
			l.Detail.Note += a.Reason
		} else {
			l.Deduction = l.Deduction.Add(a.Value)
			l.Deductions = append(l.Deductions, Deduction{Reason: a.Reason, Amount: a.Value})
		}
		e.step(Step{Rule: "adjustment." + a.Kind, Employee: a.EmpID, Inputs: []KV{{"approver", a.ApproverID}, {"reason", a.Reason}}, Formula: a.Kind, Result: money(a.Value), Sources: []model.Source{a.Src}})
	}
}

// kindLabel is the first Chinese name of an incident kind in the plan's vocabulary.
func (e *engine) kindLabel(kind string) string {
	if ns := e.p.IncidentKindEnum().Names[kind]; len(ns) > 0 {
		return ns[0].Name
	}
	return kind
}
