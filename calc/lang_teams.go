package calc

import (
	"sort"

	"payout/model"
)

// Master teams, rates by role, tier reductions and the master/apprentice split of the plan language.

// readMasterTeams groups the roster into masters and their apprentices (model.Teams, as the legacy hours
// bonus does): a team is named by its master's id; an apprentice of an apprentice is in no team.
func (l *lang) readMasterTeams() {
	for _, t := range model.Teams(l.d.Employees) {
		for _, id := range t.Members() {
			l.teamOf[id] = t.Master
		}
		l.teams = append(l.teams, t.Master)
	}
	sort.Strings(l.teams)
}
