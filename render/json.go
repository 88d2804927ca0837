package render

import (
	"encoding/json"
	"io"
	"math"
)

// EncodeJSON writes the scene in the JSON shape of DESIGN.md §4, every
// number rounded to two decimals so that output is stable across machines.
func EncodeJSON(w io.Writer, sc *Scene) error {
	c := *sc
	c.Width, c.Height = round(c.Width), round(c.Height)
	c.Nodes = make([]Node, len(sc.Nodes))
	for i, n := range sc.Nodes {
		n.X, n.Y, n.Width, n.Height = round(n.X), round(n.Y), round(n.Width), round(n.Height)
		lb := &n.LabelBox
		lb.X, lb.Y, lb.Width, lb.Height = round(lb.X), round(lb.Y), round(lb.Width), round(lb.Height)
		c.Nodes[i] = n
	}
	c.Edges = make([]Edge, len(sc.Edges))
	for i, e := range sc.Edges {
		pts := make([]Point, len(e.Points))
		for j, p := range e.Points {
			pts[j] = Point{round(p[0]), round(p[1])}
		}
		e.Points = pts
		c.Edges[i] = e
	}
	if c.Nodes == nil {
		c.Nodes = []Node{}
	}
	if c.Edges == nil {
		c.Edges = []Edge{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(&c)
}

func round(v float64) float64 {
	r := math.Round(v*100) / 100
	if r == 0 {
		return 0 // no negative zero
	}
	return r
}
