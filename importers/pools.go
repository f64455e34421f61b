package importers

import (
	"payout/internal/fold"
	"payout/internal/msg"
	"payout/plan"
)

// The plan language's pools in the input tables: a target's 范围 of a metric of scope pool, and an
// adjustment's 奖金池, name a store pool scheme by its name, label or an alias (folded); both are read as
// the scheme's name.

// poolScope resolves a target's 范围 that names a store pool scheme.
func (rd *reader) poolScope(r *row, mt *plan.Metric, raw string) string {
	if p, ok := rd.enums["pool"][fold.Key(raw)]; ok {
		return p
	}
	r.errorf("scope", msg.ValScopeNotPool, excerpt(raw), mt.Name.Name)
	return raw
}
