package plan

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// teamsPlan is a workshop plan with master teams, the base of the mutations of TestTeamsErrors.
const teamsPlan = `version: 2
roles:
  - {name: mechanic, aliases: [机修工]}
  - {name: painter, aliases: [油漆工]}
  - {name: washer, aliases: [洗车工]}
teams: {master: master_id}
bases:
  - {name: team_hours, per: team, from: labor_hours, sum: hours, by: tech_id}
  - {name: team_material, per: team, from: labor_hours, sum: material_cost, by: tech_id}
  - {name: own_hours, from: labor_hours, sum: hours, by: tech_id}
schemes:
  - name: hours
    label: 工时奖金
    roles: [mechanic, painter]
    pool: team
    base: team_hours
    rate:
      by_role: {mechanic: 2.2, painter: 2.4}
      default: 2
    split: {apprentice_share: apprentice_share}
  - name: paint
    label: 油漆奖金
    roles: [painter]
    pool: "team"
    base: team_hours
    rate:
      by_role:
        painter: {tiers: {mode: whole, inclusive: lower, bands: [{from: 100, to: 500, rate: 2.4}], reduction: {of: team_material, per: team_hours, bands: [{up_to: 55, reduction: 0}, {up_to: 60, reduction: 0.2}], above: 0.4}}}
    split:
      apprentice_share: apprentice_share
`

// TestTeamsErrors mutates teamsPlan and checks each error's line and exact message.
func TestTeamsErrors(t *testing.T) {
	cases := []struct {
		name, old, new, at, want string
	}{
		{"teams by column and master", "teams: {master: master_id}", "teams: {master: master_id, column: team}", "teams:",
			"teams has both column and master: give one of them"},
		{"master teams from another column", "teams: {master: master_id}", "teams: {master: department}", "teams:",
			`teams.master "department" must be master_id (the roster's 师傅工号 column): a team is a master and its apprentices`},
		{"apprentice split on a store pool", "pool: team\n    base: team_hours\n    rate:\n      by_role: {mechanic: 2.2, painter: 2.4}\n      default: 2\n    split: {apprentice_share: apprentice_share}", "pool: store\n    base: team_hours\n    rate: 2\n    split: {apprentice_share: apprentice_share}", "split: {apprentice_share: apprentice_share}",
			"scheme hours: split.apprentice_share needs pool: team and master teams (teams: {master: master_id})"},
		{"apprentice split with a column", "split: {apprentice_share: apprentice_share}", "split: {apprentice_share: apprentice_share, column: base_salary}", "split: {",
			"scheme hours: split.apprentice_share is the whole split, so column cannot be used with it"},
		{"apprentice share not a number column", "split: {apprentice_share: apprentice_share}", "split: {apprentice_share: department}", "split: {",
			"scheme hours split: column department is not a number column"},
		{"apprentice share of an unknown column", "split: {apprentice_share: apprentice_share}", "split: {apprentice_share: share}", "split: {",
			`table employees has no column "share" (its columns: id, name, role, base_salary, probation, master_id, apprentice_share, department)`},
		{"rate by role on a store pool", "pool: team\n    base: team_hours\n    rate:\n      by_role: {mechanic: 2.2, painter: 2.4}", "pool: store\n    base: team_hours\n    rate:\n      by_role: {mechanic: 2.2, painter: 2.4}", "by_role: {mechanic: 2.2",
			"scheme hours: rate.by_role needs a scheme paid to each person, or a team pool over master teams (the team's role is its master's)"},
		{"rate by role of a role the scheme does not pay", "painter: 2.4}", "washer: 2.4}", "washer: 2.4",
			"scheme hours: role washer of rate.by_role is not one of the scheme's roles"},
		{"rate by role of an unknown role", "painter: 2.4}", "paynter: 2.4}", "paynter",
			`unknown role "paynter"`},
		{"rate by role given twice", "painter: 2.4}", "painter: 2.4, mechanic: 3}", "mechanic: 3",
			`rate of role "mechanic" is defined twice`},
		{"rate by role by column", "painter: 2.4}", "painter: {column: x, values: {a: 1}}}", "by_role: {mechanic: 2.2",
			"scheme hours: the rate of painter must be a number or tiers: {…}"},
		{"rate by role nested", "default: 2\n", "default: {by_role: {mechanic: 1}}\n", "default: {by_role",
			"scheme hours: the rate of default must be a number or tiers: {…}"},
		{"rate by role, negative", "painter: 2.4}", "painter: -1}", "by_role: {mechanic: 2.2",
			"rate must not be negative, got -1"},
		{"rate by role with tiers out of order", "painter: 2.4}", "painter: {tiers: {mode: whole, inclusive: lower, bands: [{from: 100, to: 50, rate: 1}]}}}", "by_role: {mechanic: 2.2",
			"rate.tiers out of order: 100 is not below 50"},
		{"reduction bands out of order", "reduction: {of: team_material, per: team_hours, bands: [{up_to: 55, reduction: 0}, {up_to: 60, reduction: 0.2}], above: 0.4}",
			"reduction: {of: team_material, per: team_hours, bands: [{up_to: 55, reduction: 0}, {up_to: 50, reduction: 0.2}], above: 0.4}", "reduction:",
			"rate.tiers.reduction out of order: 55 is not below 50"},
		{"warn above top without a top bound", "bands: [{from: 100, to: 500, rate: 2.4}], reduction", "warn_above_top: true, bands: [{from: 100, rate: 2.4}], reduction", "painter: {tiers",
			"scheme paint: rate.tiers.warn_above_top needs an upper bound (to) on the top band"},
		{"reduction without above", ", above: 0.4}", "}", "painter: {tiers",
			"missing key rate.tiers.reduction.above"},
		{"reduction negative", "reduction: 0.2}", "reduction: -0.2}", "reduction:",
			"reduction.reduction must not be negative, got -0.2"},
		{"reduction of an unknown base", "of: team_material", "of: material", "painter: {tiers",
			`unknown base "material"`},
		{"reduction of a per-employee base in a team pool", "of: team_material", "of: own_hours", "- name: paint\n",
			"scheme paint is a pool per team, so its amount cannot use own_hours, which is per employee (use it in then:, gates or deductions)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text := mutated(t, teamsPlan, c.old, c.new)
			wantErrorAt(t, "t.yaml", text, c.at, c.want)
		})
	}
}

// TestTeamsPlanLoads: the unmutated plan loads.
func TestTeamsPlanLoads(t *testing.T) {
	if _, err := Parse("t.yaml", []byte(teamsPlan)); err != nil {
		t.Fatal(err)
	}
}

// TestTeamsTierOptionsVersion1: a version-1 plan's tiers have no reduction (hours.material does that there).
func TestTeamsTierOptionsVersion1(t *testing.T) {
	b, err := os.ReadFile("default.yaml")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(b), "      tiers:\n        mode: whole\n", "      tiers:\n        reduction: {of: a, per: b, bands: [], above: 0}\n        warn_above_top: true\n        mode: whole\n", 1)
	_, err = Parse("default.yaml", []byte(text))
	line := strings.Count(text[:strings.Index(text, "- role: mechanic")], "\n") + 1
	want := fmt.Sprintf("default.yaml line %d: hours.tiers: reduction belongs to version 2 plans (version 1 has hours.material and the importers' checks)\n"+
		"default.yaml line %d: hours.tiers: warn_above_top belongs to version 2 plans (version 1 has hours.material and the importers' checks)", line, line)
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v, want %s", err, want)
	}
}
