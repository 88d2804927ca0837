package graphviz

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

type obj = map[string]any

// json0 is Graphviz's json0 answer for sample(), y up in a 300×200
// drawing, changed by edit before it is encoded.
func json0(t testing.TB, edit func(objects, edges []obj) ([]obj, []obj)) []byte {
	t.Helper()
	objects := []obj{
		{"_gvid": 0, "name": "cluster_0", "bb": "10,100,110,190", "lp": "60,105"},
		{"_gvid": 1, "name": "cluster_1", "bb": "150,10,200,60", "lp": "175,50"},
		{"_gvid": 2, "name": "n0", "pos": "60,150"},
		{"_gvid": 3, "name": "n1", "pos": "175,35"},
		{"_gvid": 4, "name": "n2", "pos": "250,100"},
	}
	edges := []obj{
		{"tail": 2, "head": 4, "pos": "e,232,100 96,150 150,150 200,100 232,100", "lp": "160,140"},
		{"tail": 2, "head": 3, "pos": "e,175,60 60,132 60,100 175,80 175,62"},
		{"tail": 4, "head": 2, "pos": "s,250,118 250,100 200,120 120,150 96,150"},
	}
	if edit != nil {
		objects, edges = edit(objects, edges)
	}
	data, err := json.Marshal(obj{"bb": "0,0,300,200", "objects": objects, "edges": edges})
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func numbered() *Graph {
	g := sample()
	number(g)
	return g
}

// TestRead: positions come back y down from the drawing's top-left, boxes
// keep the size asked for, tips and label centres land where json0 says.
func TestRead(t *testing.T) {
	g := numbered()
	if err := read(g, json0(t, nil)); err != nil {
		t.Fatal(err)
	}
	group, empty, b := g.Nodes[0], g.Nodes[1], g.Nodes[2]
	a := group.Children[0]
	type box struct{ X, Y, W, H float64 }
	for _, c := range []struct {
		name string
		got  box
		want box
	}{
		{"graph", box{0, 0, g.Width, g.Height}, box{0, 0, 300, 200}},
		{"a", box{a.X, a.Y, a.W, a.H}, box{24, 32, 72, 36}},  // centre 60,50
		{"b", box{b.X, b.Y, b.W, b.H}, box{232, 82, 36, 36}}, // centre 250,100
		{"g", box{group.X, group.Y, group.W, group.H}, box{10, 10, 100, 90}},
		{"e", box{empty.X, empty.Y, empty.W, empty.H}, box{150, 140, 50, 50}},
	} {
		if c.got != c.want {
			t.Errorf("%s: %+v, want %+v", c.name, c.got, c.want)
		}
	}
	if group.Label != [2]float64{60, 95} || empty.Label != [2]float64{175, 150} {
		t.Errorf("cluster labels at %v and %v, want [60 95] and [175 150]", group.Label, empty.Label)
	}
	e0, e1, e2 := g.Edges[0], g.Edges[1], g.Edges[2]
	if want := [][2]float64{{96, 50}, {150, 50}, {200, 100}, {232, 100}}; !slices.Equal(e0.Points, want) {
		t.Errorf("edge 0 spline %v, want %v", e0.Points, want)
	}
	if e0.HeadTip == nil || *e0.HeadTip != [2]float64{232, 100} || e0.TailTip != nil {
		t.Errorf("edge 0 tips %v %v, want head at [232 100] and no tail", e0.HeadTip, e0.TailTip)
	}
	if e0.LabelPos != [2]float64{160, 60} {
		t.Errorf("edge 0 label at %v, want [160 60]", e0.LabelPos)
	}
	if e2.TailTip == nil || *e2.TailTip != [2]float64{250, 82} || e2.HeadTip != nil {
		t.Errorf("edge 2 tips %v %v, want a tail at [250 82] only", e2.HeadTip, e2.TailTip)
	}
	if e1.LabelPos != [2]float64{} {
		t.Errorf("unlabelled edge 1 has a label at %v", e1.LabelPos)
	}
}

// TestReadCompoundLabel: a labelled edge to a cluster has its label set
// beside the drawn spline's middle, not where Graphviz put it.
func TestReadCompoundLabel(t *testing.T) {
	g := numbered()
	g.Edges[1].LabelWidth, g.Edges[1].LabelHeight = 20, 10
	data := json0(t, func(o, e []obj) ([]obj, []obj) {
		e[1] = obj{"tail": 2, "head": 3, "pos": "e,175,60 100,100 120,100 140,100 160,100", "lp": "0,0"}
		return o, e
	})
	if err := read(g, data); err != nil {
		t.Fatal(err)
	}
	// The spline runs level at y 100 (y down); the label's centre sits its
	// half-height plus 2 above the line's middle, x 130.
	if got := g.Edges[1].LabelPos; got != [2]float64{130, 93} {
		t.Errorf("compound label at %v, want [130 93]", got)
	}
}

func TestReadErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"not json", []byte("digraph {"), "reading graphviz output"},
		{"bad bounding box", []byte(`{"bb": "0,0,300"}`), "graphviz bounding box: want 4 numbers"},
		{"no edges", json0(t, func(o, e []obj) ([]obj, []obj) { return o, nil }), "graphviz routed no edges"},
		{"a box missing", json0(t, func(o, e []obj) ([]obj, []obj) { return o[:4], e }), `graphviz placed no box for cache.empty "q"`},
		{"a cluster without bb", json0(t, func(o, e []obj) ([]obj, []obj) { delete(o[0], "bb"); return o, e }), "graphviz placed no box for g"},
		{"an edge missing", json0(t, func(o, e []obj) ([]obj, []obj) { return o, e[:2] }), "graphviz routed 2 edges of 3"},
		{"edges out of order", json0(t, func(o, e []obj) ([]obj, []obj) { e[0], e[2] = e[2], e[0]; return o, e }), "edge 0 out of order"},
		{"short spline", json0(t, func(o, e []obj) ([]obj, []obj) { e[2]["pos"] = "250,100 200,120 96,150"; return o, e }), "spline of 3 points"},
		{"bad number", json0(t, func(o, e []obj) ([]obj, []obj) { o[2]["pos"] = "60,x"; return o, e }), "node a: strconv.ParseFloat"},
		{"bad tip", json0(t, func(o, e []obj) ([]obj, []obj) { e[0]["pos"] = "e,1 96,150 150,150 200,100 232,100"; return o, e }), "want 2 numbers"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := read(numbered(), c.data)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want an error holding %q", err, c.want)
			}
		})
	}
}

// FuzzRead: whatever Graphviz might answer, read returns an error or
// positions, never a panic.
func FuzzRead(f *testing.F) {
	f.Add(json0(f, nil))
	f.Add([]byte(`{"bb":"0,0,1,1","objects":[{"_gvid":0,"name":"n0","pos":"1,1"}],"edges":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		read(numbered(), data)
	})
}
