package render

import (
	"slices"
	"testing"
)

// joined is a scene of two edges into n: b joins a's line at a's
// second spline point, (10, 50).
func joined() *Scene {
	a := Edge{From: "a", To: "n", Color: "#000", Width: 1, Points: []Point{{10, 0}, {10, 10}, {10, 20}, {10, 50}, {10, 60}, {10, 70}, {10, 90}},
		Head: &Arrow{Tip: Point{10, 100}, Base: Point{10, 90}}}
	b := a
	b.From = "b"
	b.Points = append([]Point{{40, 0}, {40, 20}, {20, 40}, {10, 50}}, a.Points[4:]...)
	b.Join = &Join{Onto: "a->n", Index: 3}
	return &Scene{Edges: []Edge{a, b}}
}

// TestDrawn: an edge merged into a trunk draws its own part, up to the
// junction and without the trunk's arrowhead, while the edge it joins is
// drawn alike; else its whole line.
func TestDrawn(t *testing.T) {
	sc := joined()
	d := sc.Drawn()
	if !slices.Equal(d[0].Points, sc.Edges[0].Points) || d[0].Head == nil || d[0].Join != nil {
		t.Errorf("a is drawn as %+v", d[0])
	}
	if !slices.Equal(d[1].Points, sc.Edges[1].Points[:4]) || d[1].Head != nil || d[1].Join == nil {
		t.Errorf("b is drawn as %+v, want its first segment and a dot", d[1])
	}
	for name, change := range map[string]func(sc *Scene){
		"a hidden":       func(sc *Scene) { sc.Edges = sc.Edges[1:] },
		"a dimmed":       func(sc *Scene) { sc.Edges[0].Color = "#ccc" },
		"a dashed":       func(sc *Scene) { sc.Edges[0].Dash = []float64{5, 4} },
		"joins no other": func(sc *Scene) { sc.Edges[1].Join.Onto = "x->n" },
	} {
		sc := joined()
		change(sc)
		d := sc.Drawn()
		b := d[len(d)-1]
		if !slices.Equal(b.Points, sc.Edges[len(d)-1].Points) || b.Head == nil || b.Join != nil {
			t.Errorf("%s: b is drawn as %+v, want its whole line", name, b)
		}
	}
}
