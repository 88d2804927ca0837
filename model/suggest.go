package model

import "github.com/agnivade/levenshtein"

// closest returns the candidate nearest to s by edit distance, or "" when
// none is close: within a third of the longer word (rounded up), and not
// as far as the word is long ("d" is not a misspelling of "a"). Ties go to the earlier
// candidate, so the answer does not depend on map order.
func closest(s string, candidates []string) string {
	best, bestDist := "", 0
	for _, c := range candidates {
		dist := levenshtein.ComputeDistance(s, c)
		limit := (max(len(s), len(c)) + 2) / 3
		if dist > limit || dist >= len(s) || dist == 0 {
			continue
		}
		if best == "" || dist < bestDist {
			best, bestDist = c, dist
		}
	}
	return best
}
