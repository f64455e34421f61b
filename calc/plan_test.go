package calc

// A custom plan changes the result: the default plan's text with one thing changed (strings.Replace),
// parsed with plan.Parse, and the new exact amounts computed by hand.

import (
	"strings"
	"testing"

	"payout/plan"
)

// edit is one change of the default plan's text: the first occurrence of old after anchor ("" = the start)
// becomes new.
type edit struct{ anchor, old, new string }

func customPlan(t *testing.T, edits ...edit) *plan.Plan {
	t.Helper()
	s := string(plan.DefaultText())
	for _, e := range edits {
		at := 0
		if e.anchor != "" {
			at = strings.Index(s, e.anchor)
			if at < 0 {
				t.Fatalf("anchor %q not in the default plan", e.anchor)
			}
		}
		i := strings.Index(s[at:], e.old)
		if i < 0 {
			t.Fatalf("%q not in the default plan after %q", e.old, e.anchor)
		}
		s = s[:at+i] + e.new + s[at+i+len(e.old):]
	}
	l, err := plan.Parse("custom.yaml", []byte(s))
	if err != nil {
		t.Fatalf("custom plan does not parse: %v", err)
	}
	return l.Plan
}

func TestCustomPlans(t *testing.T) {
	type group struct {
		name  string
		edits []edit
		cases []calcCase
	}
	groups := []group{
		{
			name:  "advisor pool rate 0.006",
			edits: []edit{{"", "{figure: repair_output, rate: 0.005, achievements: [repair_output, gross_profit, intake_count]}", "{figure: repair_output, rate: 0.006, achievements: [repair_output, gross_profit, intake_count]}"}},
			cases: []calcCase{
				// 200000 × 0.006 × 1 = 1200.00
				advisorCase("advisor line", "200000", func(b *monthBuilder) {}, "advisor 1200.00 0.00 60.00 1140.00"),
			},
		},
		{
			name:  "advisor_assistant coefficient 0.2",
			edits: []edit{{"", "{role: advisor_assistant, coefficient: 0.1}", "{role: advisor_assistant, coefficient: 0.2}"}},
			cases: []calcCase{{
				name: "100.00 among 0.4 and 0.2",
				build: func(b *monthBuilder) {
					b.emp("A1", "advisor")
					b.emp("A3", "advisor_assistant")
					b.advisorAt1("20000") // 100.00
				},
				// Σc 0.6: A1 66.666… → 66.66 (rem .0066) + the cent = 66.67; A3 33.333… → 33.33 (rem .0033).
				lines: map[string][]string{
					"A1": ls("advisor 66.67 0.00 3.33 63.34"), // fund 3.3335 → 3.33
					"A3": ls("advisor 33.33 0.00 1.67 31.66"), // fund 1.6665 → 1.67
				},
			}},
		},
		{
			name: "mechanic tier bound 500 → 520",
			edits: []edit{
				{"", "{from: 100, to: 500, rate: 2.2}", "{from: 100, to: 520, rate: 2.2}"},
				{"", "{from: 500, to: 700, rate: 2.4}", "{from: 520, to: 700, rate: 2.4}"},
			},
			cases: []calcCase{
				soloHours("500 h now 2.2", "mechanic", "500", "", "hours 1100.00 0.00 55.00 1045.00"),
				// 519.99 × 2.2 = 1143.978 → 1143.98; fund 57.199 → 57.20
				soloHours("519.99 h 2.2", "mechanic", "519.99", "", "hours 1143.98 0.00 57.20 1086.78"),
				soloHours("520 h 2.4", "mechanic", "520", "", "hours 1248.00 0.00 62.40 1185.60"),
				soloHours("painter unchanged at 500 h", "painter", "500", "", "hours 1300.00 0.00 65.00 1235.00"),
			},
		},
		{
			name:  "mechanic tiers marginal",
			edits: []edit{{"- role: mechanic", "mode: whole", "mode: marginal"}},
			cases: []calcCase{
				// 400 × 2.2 + 20 × 2.4 = 880 + 48 = 928.00; fund 46.40
				soloHours("520 h", "mechanic", "520", "", "hours 928.00 0.00 46.40 881.60"),
				soloHours("99 h: nothing", "mechanic", "99", ""),
				soloHours("100 h: 0 hours in the first band", "mechanic", "100", ""),
				// 50 × 2.2 = 110.00
				soloHours("150 h", "mechanic", "150", "", "hours 110.00 0.00 5.50 104.50"),
				// 400 × 2.2 + 200 × 2.4 = 1360.00
				soloHours("700 h", "mechanic", "700", "", "hours 1360.00 0.00 68.00 1292.00"),
				// 880 + 480 + 200 × 2.6 (520) + 1100 × 2.8 (3080) = 4960.00
				soloHours("2000 h", "mechanic", "2000", "", "hours 4960.00 0.00 248.00 4712.00"),
				// 880 + 480 + 520 + 1200 × 2.8 (3360) = 5240.00: above 2000 at the top rate
				soloHours("2100 h", "mechanic", "2100", "", "hours 5240.00 0.00 262.00 4978.00"),
				soloHours("bodywork stays whole", "bodywork", "400", "", "hours 1440.00 0.00 72.00 1368.00"),
				{
					name: "SPEC §5 team, marginal",
					build: func(b *monthBuilder) {
						b.emp("M", "mechanic")
						b.emp("P", "mechanic", under("M", "0.3"))
						b.hours("M", "320", "")
						b.hours("P", "200", "")
						b.points("M", "10", "10", "5", "5")
					},
					// 928.00; P 278.40; M 649.60: assessed 389.76, 30% = 116.928 → 116.93; fund 5% × 532.67 =
					// 26.6335 → 26.63; net 506.04. P fund 13.92.
					lines: map[string][]string{
						"M": ls("hours 649.60 116.93 26.63 506.04"),
						"P": ls("hours 278.40 0.00 13.92 264.48"),
					},
				},
			},
		},
		{
			name:  "painter tiers marginal: the reduction lowers every band",
			edits: []edit{{"- role: painter", "mode: whole", "mode: marginal"}},
			cases: []calcCase{
				// 400 × 2.4 + 100 × 2.6 = 960 + 260 = 1220.00
				soloHours("600 h, no material", "painter", "600", "", "hours 1220.00 0.00 61.00 1159.00"),
				// 60 h band (36000 ≤ 60 × 600): −0.2 → 400 × 2.2 + 100 × 2.4 = 1120.00
				soloHours("600 h, material 60 per hour", "painter", "600", "36000", "hours 1120.00 0.00 56.00 1064.00"),
				soloHours("90 h with material: nothing", "painter", "90", "99999"),
			},
		},
		{
			name: "painter reduction larger than a band's rate: never below 0",
			edits: []edit{
				{"- role: painter", "mode: whole", "mode: marginal"},
				{"", "above: 0.4", "above: 2.5"},
			},
			cases: []calcCase{
				// material 40000 > 65 × 600: −2.5 → rates 0, 0.1: 400 × 0 + 100 × 0.1 = 10.00
				soloHours("600 h, material above 65 per hour", "painter", "600", "40000", "hours 10.00 0.00 0.50 9.50"),
			},
		},
		{
			name:  "fund rate 10%",
			edits: []edit{{"fund:", "rate: 0.05", "rate: 0.1"}},
			cases: []calcCase{{
				name: "renewal and adjustment",
				build: func(b *monthBuilder) {
					b.emp("M1", "mechanic")
					b.renewal("M1", "1000") // 400.00
					b.adjust("M1", plan.AdjBonus, "", "100")
				},
				lines: map[string][]string{"M1": ls("renewal 400.00 0.00 40.00 360.00", "adjustment 100.00 0.00 0.00 100.00")},
			}},
		},
		{
			name:  "insurance bounds inclusive at the lower end",
			edits: []edit{{"insurance:", "inclusive: upper", "inclusive: lower"}},
			cases: []calcCase{
				insuranceCase("49,999.99 → 1%", []string{"49999.99"}, "insurance 500.00 0.00 25.00 475.00"),
				insuranceCase("50,000 → 2.5%", []string{"50000"}, "insurance 1250.00 0.00 62.50 1187.50"),
				insuranceCase("199,999.99 → 2.5%", []string{"199999.99"}, "insurance 5000.00 0.00 250.00 4750.00"), // 4999.99975
				insuranceCase("200,000 → 3%", []string{"200000"}, "insurance 6000.00 0.00 300.00 5700.00"),
			},
		},
		{
			name:  "achievement cap 1.2",
			edits: []edit{{"achievement:", "cap:", "cap: 1.2"}},
			cases: []calcCase{{
				name: "fleet at 200%",
				build: func(b *monthBuilder) {
					b.emp("FD", "fleet_dev")
					b.collection(plan.KindFleet, "100000")
					b.target("fleet_collections", "fleet", "50000")
				},
				// ach 2 → 1.2: 100000 × 0.005 × 1.2 = 600.00 (default plan: 1000.00)
				lines: map[string][]string{"FD": ls("fleet 600.00 0.00 30.00 570.00")},
				achs:  map[string]string{"fleet_collections/fleet": "1.2"},
			}},
		},
		{
			name:  "achievement rates to 2 decimals",
			edits: []edit{{"achievement:", "decimals: 6", "decimals: 2"}},
			cases: []calcCase{{
				name: "advisor",
				build: func(b *monthBuilder) {
					b.emp("A1", "advisor")
					for range 5 {
						b.customer("60000.00", "10000.00", oct(2), oct(6))
					}
					b.target("repair_output", "advisor", "333000")
					b.target("gross_profit", "advisor", "70000")
					b.target("intake_count", "advisor", "7")
				},
				// 0.90, 0.71, 0.71: 1500 × 0.90 × 0.71 × 0.71 = 680.535 → 680.54; fund 34.027 → 34.03
				lines: map[string][]string{"A1": ls("advisor 680.54 0.00 34.03 646.51")},
			}},
		},
		{
			name:  "assessed part 50%",
			edits: []edit{{"", "assessed_part: 0.6", "assessed_part: 0.5"}},
			cases: []calcCase{{
				name: "SPEC §5 master",
				build: func(b *monthBuilder) {
					b.emp("M", "mechanic")
					b.emp("P", "mechanic", under("M", "0.3"))
					b.hours("M", "320", "")
					b.hours("P", "200", "")
					b.points("M", "10", "10", "5", "5")
				},
				// 873.60 × 0.5 = 436.80; 30% = 131.04; fund 5% × 742.56 = 37.128 → 37.13; net 705.43
				lines: map[string][]string{"M": ls("hours 873.60 131.04 37.13 705.43")},
			}},
		},
		{
			name:  "wash piece rate 3.5",
			edits: []edit{{"", "piece_rate: 3", "piece_rate: 3.5"}},
			cases: []calcCase{{
				name: "3 washes",
				build: func(b *monthBuilder) {
					b.emp("W1", "washer")
					b.washes("W1", 3)
				},
				// 3 × 3.5 = 10.50, fund 0.525 → 0.53; beauty 3.00
				lines: map[string][]string{"W1": ls("wash 10.50 0.00 0.53 9.97", "beauty 3.00 0.00 0.15 2.85")},
			}},
		},
	}
	for _, g := range groups {
		t.Run(g.name, func(t *testing.T) { runCases(t, customPlan(t, g.edits...), g.cases) })
	}
}
