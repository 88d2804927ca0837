package layouts

import (
	"github.com/kviz/kviz/layouts/graphviz"
	"github.com/kviz/kviz/model"
)

// splines maps the model's `splines` onto Graphviz's attribute.
var splines = map[string]string{"curved": "spline", "ortho": "ortho", "polyline": "polyline", "line": "line"}

// arrange hands Graphviz the model's layout controls: every `align` row on
// one rank, in order, and every group with `columns` set out in a grid of
// that width, row by row in source order.
func (b *builder) arrange(g *graphviz.Graph) {
	g.Splines = splines[b.m.Splines]
	for _, row := range b.m.Align {
		var r []*graphviz.Node
		for _, id := range row {
			r = append(r, b.gv[b.m.Lookup(id)])
		}
		b.rank(g, r)
	}
	b.m.Walk(func(n *model.Node) {
		if n.IsGroup && n.Style.Columns > 0 {
			b.columns(g, n.Nodes, n.Style.Columns)
		}
	})
}

// rank puts boxes on one rank, left to right (top to bottom across LR),
// with invisible edges from each to the next to keep their order.
func (b *builder) rank(g *graphviz.Graph, r []*graphviz.Node) {
	if len(r) < 2 {
		return
	}
	g.Ranks = append(g.Ranks, r)
	for i := 1; i < len(r); i++ {
		g.Edges = append(g.Edges, invisible(r[i-1], r[i]))
	}
}

// columns sets members out cols wide: each row of leaves on one rank, and
// every member above the one a row below it.
func (b *builder) columns(g *graphviz.Graph, members []*model.Node, cols int) {
	for start := 0; start < len(members); start += cols {
		var row []*graphviz.Node
		for _, n := range members[start:min(start+cols, len(members))] {
			if !n.IsGroup {
				row = append(row, b.gv[n])
			}
		}
		b.rank(g, row)
	}
	for i := 0; i+cols < len(members); i++ {
		g.Edges = append(g.Edges, invisible(b.gv[members[i]], b.gv[members[i+cols]]))
	}
}

func invisible(from, to *graphviz.Node) *graphviz.Edge {
	return &graphviz.Edge{From: from, To: to, Head: "none", Tail: "none", Invisible: true}
}
