package calc

import (
	"bytes"
	"math/big"
	"sort"

	"github.com/shopspring/decimal"
)

// member is a pool member for a split.
type member struct {
	id   string
	coef decimal.Decimal
}

// splitLargestRemainder splits amount (cents) among members by coefficient (SPEC §5): each share is
// amount × c / Σc floored to cents; the cents left over go one each to the largest remainders, ties to the
// lower id (byte-wise). The remainders are compared exactly, in integers. It returns the shares in the
// members' order and which got an extra cent. Σ shares = amount whenever there is a member with c > 0.
func splitLargestRemainder(amount decimal.Decimal, ms []member) ([]decimal.Decimal, []bool) {
	out := make([]decimal.Decimal, len(ms))
	extra := make([]bool, len(ms))
	if len(ms) == 0 {
		return out, extra
	}
	// Scale every coefficient to an integer: C_i = c_i × 10^k.
	k := int32(0)
	for _, m := range ms {
		if e := -m.coef.Exponent(); e > k {
			k = e
		}
	}
	cs := make([]*big.Int, len(ms))
	sum := new(big.Int)
	for i, m := range ms {
		cs[i] = m.coef.Shift(k).BigInt()
		sum.Add(sum, cs[i])
	}
	if sum.Sign() <= 0 {
		return out, extra
	}
	cents := amount.Shift(2).BigInt() // amount is already rounded to cents
	floors := make([]*big.Int, len(ms))
	rems := make([]*big.Int, len(ms))
	given := new(big.Int)
	for i := range ms {
		num := new(big.Int).Mul(cents, cs[i])
		q, r := new(big.Int), new(big.Int)
		q.DivMod(num, sum, r) // Euclidean: floor for a positive divisor, 0 ≤ r < Σ
		floors[i], rems[i] = q, r
		given.Add(given, q)
	}
	left := new(big.Int).Sub(cents, given).Int64()
	order := make([]int, len(ms))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		ia, ib := order[a], order[b]
		if c := rems[ia].Cmp(rems[ib]); c != 0 {
			return c > 0
		}
		return bytes.Compare([]byte(ms[ia].id), []byte(ms[ib].id)) < 0
	})
	for j := int64(0); j < left && int(j) < len(order); j++ {
		i := order[j]
		floors[i].Add(floors[i], big.NewInt(1))
		extra[i] = true
	}
	for i := range ms {
		out[i] = decimal.NewFromBigInt(floors[i], -2)
	}
	return out, extra
}
