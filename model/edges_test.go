package model

import "testing"

// TestEdgeListsCounted: lists in from and to multiply, and an edge whose
// lists alone make more edges than allowed makes none, with the edge's
// position and the limit named.
func TestEdgeListsCounted(t *testing.T) {
	src := "nodes: [{id: a}, {id: b}, {id: c}]\nedges:\n  - {from: [a, b, c], to: [a, b, c]}\n"
	m, err := Parse("m.yaml", []byte(src), Options{MaxEdges: 9})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Edges) != 9 || m.Edges[1].From != "a" || m.Edges[1].To != "b" || m.Edges[3].From != "b" {
		t.Fatalf("%d edges, want every pair, sources outer", len(m.Edges))
	}
	_, err = Parse("m.yaml", []byte(src), Options{MaxEdges: 8})
	if want := "m.yaml:3:5: more than 8 edges (raise the limit with --max-edges)"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}
