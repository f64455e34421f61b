package calc_test

import (
	"testing"

	"payout/internal/benchmonth"
)

// TestMain removes the generated months of the scale tests and benchmarks when they end.
func TestMain(m *testing.M) { benchmonth.Main(m) }
