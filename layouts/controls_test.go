package layouts

import (
	"bytes"
	"math"
	"path/filepath"
	"testing"

	"github.com/kviz/kviz/model"
	"github.com/kviz/kviz/render"
)

func parse(t *testing.T, src string) *model.Model {
	t.Helper()
	m, err := model.Parse("m.yaml", []byte(src), model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func byID(sc *render.Scene) map[string]render.Node {
	out := map[string]render.Node{}
	for _, n := range sc.Nodes {
		out[n.ID] = n
	}
	return out
}

// TestAlign: an align row is one rank, across groups too (a chain that
// would make a staircase), and in the order written (siblings that
// Graphviz would order otherwise).
func TestAlign(t *testing.T) {
	for _, c := range []struct{ name, src string }{
		{"staircase", `align: [a, b, c]
nodes:
  - {id: a, kind: pod}
  - id: g
    nodes: [{id: b, kind: pod}, {id: c, kind: pod}]
edges:
  - {from: a, to: b}
  - {from: b, to: c}
`},
		{"reordered", `align: [c, b, a]
nodes:
  - {id: root, kind: pod}
  - {id: a, kind: pod}
  - {id: b, kind: pod}
  - {id: c, kind: pod}
edges:
  - {from: root, to: [a, b, c]}
`},
	} {
		m := parse(t, c.src)
		order := m.Align[0]
		for _, dir := range []string{"TB", "LR"} {
			n := byID(layout(t, m, Options{Direction: dir}))
			along := func(id string) float64 { return n[id].X + n[id].Width/2 }
			across := func(id string) float64 { return n[id].Y + n[id].Height/2 }
			if dir == "LR" {
				along, across = across, along
			}
			if across(order[0]) != across(order[1]) || across(order[1]) != across(order[2]) {
				t.Errorf("%s %s: %v not on one rank: %v %v %v", c.name, dir, order, across(order[0]), across(order[1]), across(order[2]))
			}
			if c.name == "staircase" {
				continue // its own edges order it: a flat edge a -> b
			}
			if !(along(order[0]) < along(order[1]) && along(order[1]) < along(order[2])) {
				t.Errorf("%s %s: not in the order %v: %v %v %v", c.name, dir, order, along(order[0]), along(order[1]), along(order[2]))
			}
		}
	}
}

// TestColumns: a group's members are set out in rows of N.
func TestColumns(t *testing.T) {
	m := parse(t, `nodes:
  - id: g
    style: {columns: 3}
    nodes: [{id: m1}, {id: m2}, {id: m3}, {id: m4}, {id: m5}, {id: m6}, {id: m7}]
`)
	n := byID(layout(t, m, Options{}))
	rows := map[float64][]string{}
	for _, id := range []string{"m1", "m2", "m3", "m4", "m5", "m6", "m7"} {
		rows[n[id].Y] = append(rows[n[id].Y], id)
	}
	if len(rows) != 3 {
		t.Fatalf("7 members in columns of 3 make %d rows, want 3: %v", len(rows), rows)
	}
	for _, r := range rows {
		if len(r) > 3 {
			t.Errorf("a row of %d: %v", len(r), r)
		}
	}
	if !(n["m1"].X < n["m2"].X && n["m2"].X < n["m3"].X && n["m1"].Y < n["m4"].Y && n["m4"].Y < n["m7"].Y) {
		t.Errorf("not in reading order: %+v", n)
	}
}

// TestSplines: the model's splines reach Graphviz, and ortho lines are
// made of horizontal and vertical pieces (but for their fitted ends).
func TestSplines(t *testing.T) {
	for value, attr := range splines {
		m := parse(t, "splines: "+value+"\nnodes: [{id: a}, {id: b}, {id: c}]\nedges: [{from: a, to: [b, c]}]\n")
		dot, err := DOT(m, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(dot, []byte(" splines="+attr)) {
			t.Errorf("splines: %s: no splines=%s in\n%s", value, attr, dot)
		}
	}
	m := parse(t, "splines: ortho\nnodes: [{id: a}, {id: b}, {id: c}, {id: d}]\nedges: [{from: a, to: [b, c, d]}]\n")
	for _, e := range layout(t, m, Options{}).Edges {
		pts := e.Points
		for i := 3; i+3 < len(pts); i += 3 { // inner segments: ends are fitted to the outline
			dx, dy := math.Abs(pts[i+3][0]-pts[i][0]), math.Abs(pts[i+3][1]-pts[i][1])
			if dx > 0.5 && dy > 0.5 {
				t.Errorf("%s->%s: a diagonal piece %v -> %v", e.From, e.To, pts[i], pts[i+3])
			}
		}
	}
}

// TestReplicaBadge: more replicas than the stack's three show their count.
func TestReplicaBadge(t *testing.T) {
	m := parse(t, "nodes: [{id: a, kind: pod, replicas: 3}, {id: b, kind: pod, replicas: 6}, {id: c, replicas: 12}]\n")
	n := byID(layout(t, m, Options{}))
	if n["a"].Badge != nil {
		t.Errorf("3 replicas got a badge %q", n["a"].Badge.Text.Text)
	}
	for id, want := range map[string]string{"b": "×6", "c": "×12"} {
		node := n[id]
		if b := node.Badge; b == nil || b.Text.Text != want {
			t.Errorf("%s: badge %+v, want %q", id, b, want)
		} else if !node.Box().Contains(b.Box, 0.01) {
			t.Errorf("%s: badge %+v outside the node %+v", id, b.Box, node.Box())
		}
	}
}

// TestLegend: the legend lists relations once each, each in a look of its
// own, no bare line styles, and goes where the model puts it.
func TestLegend(t *testing.T) {
	const src = `nodes: [{id: a, kind: pod}, {id: b, kind: svc}, {id: c, kind: cm}]
edges:
  - {from: a, to: b, relation: calls}
  - {from: a, to: c, relation: reads}
  - {from: b, to: c, relation: calls}
  - {from: c, to: b}
`
	for _, at := range []string{"right", "bottom"} {
		sc := layout(t, parse(t, "legend: {position: "+at+"}\n"+src), Options{})
		l := sc.Legend
		if l == nil {
			t.Fatalf("%s: no legend", at)
		}
		var labels []string
		for _, tx := range l.Texts {
			labels = append(labels, tx.Text)
		}
		if want := []string{"Pod", "Service", "ConfigMap", "calls", "reads"}; !equal(labels, want) {
			t.Errorf("%s: legend rows %q, want %q", at, labels, want)
		}
		if len(l.Edges) != 2 || l.Edges[0].Color == l.Edges[1].Color {
			t.Errorf("%s: two relations drawn alike in the legend: %+v", at, l.Edges)
		}
		if sc.Edges[0].Color != l.Edges[0].Color || sc.Edges[1].Color != l.Edges[1].Color {
			t.Errorf("%s: the legend's samples are not the edges' colours", at)
		}
		right, bottom := 0.0, 0.0
		for _, n := range sc.Nodes {
			right, bottom = max(right, n.X+n.Width), max(bottom, n.Y+n.Height)
		}
		if at == "right" && l.Box.X < right || at == "bottom" && l.Box.Y < bottom {
			t.Errorf("%s: legend at %+v, drawing to %v, %v", at, l.Box, right, bottom)
		}
	}
	if sc := layout(t, parse(t, "legend: {position: none}\n"+src), Options{}); sc.Legend != nil {
		t.Error("legend: {position: none} drew a legend")
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestTitleLargest: the title is the largest text of every test model.
func TestTitleLargest(t *testing.T) {
	for _, path := range models(t) {
		m := load(t, path)
		if m.Title == "" {
			continue
		}
		sc := fake(t, m, Options{}) // sizes are composition's: no need for Graphviz
		title := sc.Texts[0].Size
		var all []render.Text
		all = append(all, sc.Texts[1:]...)
		for _, n := range sc.Nodes {
			all = append(all, n.Lines...)
		}
		for _, e := range sc.Edges {
			all = append(all, e.Lines...)
		}
		if sc.Legend != nil {
			all = append(all, sc.Legend.Texts...)
		}
		for _, tx := range all {
			if tx.Size >= title {
				t.Errorf("%s: %q at %v pt is not smaller than the title's %v", name(path), tx.Text, tx.Size, title)
			}
		}
	}
}

// TestLRWiderThanTB: the big service map drawn left to right is wider than
// top to bottom, and both fit a 1920-pixel screen at 100% (1 pt = 1 px in
// kviz's PNG at scale 1) in one direction at least.
func TestLRWiderThanTB(t *testing.T) {
	m := load(t, filepath.Join("..", "testdata", "models", "service-map.yaml"))
	tb, lr := layout(t, m, Options{Direction: "TB"}), layout(t, m, Options{Direction: "LR"})
	if lr.Width <= tb.Width {
		t.Errorf("LR is %v wide, TB %v", lr.Width, tb.Width)
	}
	if tb.Width > 1920 || lr.Width > 1920 {
		t.Errorf("wider than a 1920-pixel screen: TB %v, LR %v", tb.Width, lr.Width)
	}
}
