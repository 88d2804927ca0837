package graphviz

import (
	"strings"
	"testing"
)

// sample is a graph with a cluster holding a node, an empty cluster, a
// loose node whose id ends in ".empty" (a legal model id, drawn like any
// other), and edges into and out of clusters, with and without labels.
func sample() *Graph {
	a := &Node{ID: "a", Width: 72, Height: 36}
	group := &Node{ID: "g", Cluster: true, Width: 50, Height: 20, Bottom: true, Right: true, Children: []*Node{a}}
	empty := &Node{ID: "e", Cluster: true, Width: 30, Height: 20}
	b := &Node{ID: `cache.empty "q"`, Width: 36, Height: 36}
	return &Graph{Engine: "dot", Direction: "LR", Nodes: []*Node{group, empty, b},
		Edges: []*Edge{
			{From: a, To: b, Head: "normal", Tail: "none", LabelWidth: 40.2, LabelHeight: 14},
			{From: group, To: empty, Head: "onormal", Tail: "none", Dashed: true},
			{From: b, To: a, Head: "none", Tail: "none", Invisible: true},
		}}
}

const sampleDOT = `digraph kviz {
	graph [rankdir=LR compound=true newrank=true nodesep=0.3889 ranksep=0.5556 outputorder=edgesfirst]
	node [shape=box fixedsize=true label="" margin=0]
	edge [arrowsize=0.8]
	subgraph cluster_0 {
		id="g" label=<<table border="0" cellborder="0" cellpadding="0" cellspacing="0"><tr><td fixedsize="true" width="50" height="20"></td></tr></table>> labelloc=b labeljust=r margin=12
		n0 [id="a" width=1 height=0.5]
	}
	subgraph cluster_1 {
		id="e" label=<<table border="0" cellborder="0" cellpadding="0" cellspacing="0"><tr><td fixedsize="true" width="30" height="20"></td></tr></table>> labelloc=t margin=12
		n1 [width=0.0139 height=0.0139 style=invis]
	}
	n2 [id="cache.empty \"q\"" width=0.5 height=0.5]
	n0 -> n2 [arrowhead=normal arrowtail=none dir=both label=<<table border="0" cellborder="0" cellpadding="0" cellspacing="0"><tr><td fixedsize="true" width="41" height="14"></td></tr></table>>]
	n0 -> n1 [arrowhead=onormal arrowtail=none dir=both ltail=cluster_0 lhead=cluster_1 style=dashed]
	n2 -> n0 [arrowhead=none arrowtail=none dir=both style=invis]
}
`

func TestDOT(t *testing.T) {
	g := sample()
	got := string(DOT(g))
	if got != sampleDOT {
		t.Errorf("DOT:\n%s\nwant:\n%s", got, sampleDOT)
	}
	if again := string(DOT(g)); again != got {
		t.Errorf("a second DOT of the same graph differs:\n%s", again)
	}
	if n := len(g.Nodes[1].Children); n != 1 {
		t.Errorf("the empty cluster holds %d placeholders after two DOTs, want 1", n)
	}
}

// TestDOTOtherEngines: engines other than dot get overlap removal and
// spline routing; an edge within a cluster to the cluster itself takes no
// lhead or ltail.
func TestDOTOtherEngines(t *testing.T) {
	g := sample()
	g.Engine = "fdp"
	g.Edges = append(g.Edges, &Edge{From: g.Nodes[0], To: g.Nodes[0].Children[0], Head: "normal", Tail: "none"})
	got := string(DOT(g))
	if !strings.Contains(got, `outputorder=edgesfirst overlap=false splines=true sep="+10"]`) {
		t.Errorf("fdp graph attributes missing:\n%s", got)
	}
	if !strings.Contains(got, "\tn0 -> n0 [arrowhead=normal arrowtail=none dir=both]\n") {
		t.Errorf("an edge from a cluster to its own member took lhead/ltail:\n%s", got)
	}
}

func TestInch(t *testing.T) {
	for _, c := range []struct {
		pt   float64
		want string
	}{{72, "1"}, {36, "0.5"}, {1, "0.0139"}, {0, "0"}, {28, "0.3889"}, {72.0001, "1.0001"}} {
		if got := inch(c.pt); got != c.want {
			t.Errorf("inch(%v) = %s, want %s", c.pt, got, c.want)
		}
	}
}
