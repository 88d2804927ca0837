package render

import (
	"fmt"
	"image/color"
)

// Step is one frame of a build: which parts of a scene it draws, and
// which of those it dims. Edges are named "from->to". A scene drawn at a
// step keeps every coordinate and its size: hidden parts leave their
// space empty and dimmed ones stay where they are.
type Step struct {
	Title, Caption string
	Nodes          map[string]bool // the ids of the nodes and groups drawn
	Edges          map[string]bool // the edges drawn
	Dim            map[string]bool // the ids and edges drawn dimmed
}

// EdgeKey is how a step names an edge.
func EdgeKey(from, to string) string { return from + "->" + to }

// dimKeep is how much of its own colour a dimmed part keeps; the rest is
// the background's.
const dimKeep = 0.25

// At is sc as step st draws it: the parts st does not show left out, the
// ones it dims faded towards the background (white when transparent). The
// title, caption and legend stay: they belong to every frame.
func (sc *Scene) At(st *Step) *Scene {
	c := *sc
	bg := color.NRGBA{255, 255, 255, 255}
	if col, ok := ParseColor(sc.Background); ok && col.A == 255 {
		bg = col
	}
	c.Nodes = nil
	for _, n := range sc.Nodes {
		if !st.Nodes[n.ID] {
			continue
		}
		if st.Dim[n.ID] {
			n = dimNode(n, bg)
		}
		c.Nodes = append(c.Nodes, n)
	}
	c.Edges = nil
	for _, e := range sc.Edges {
		k := EdgeKey(e.From, e.To)
		if !st.Edges[k] {
			continue
		}
		if st.Dim[k] {
			e.Color = fade(e.Color, bg)
			e.Lines = fadeTexts(e.Lines, bg)
		}
		c.Edges = append(c.Edges, e)
	}
	return &c
}

func dimNode(n Node, bg color.NRGBA) Node {
	n.Paint.Fill, n.Paint.Stroke = fade(n.Paint.Fill, bg), fade(n.Paint.Stroke, bg)
	n.Plate = fade(n.Plate, bg)
	n.Lines = fadeTexts(n.Lines, bg)
	if n.Icon != nil {
		ic := *n.Icon
		ic.Fill, ic.Glyph = fade(ic.Fill, bg), fade(ic.Glyph, bg)
		n.Icon = &ic
	}
	return n
}

func fadeTexts(ts []Text, bg color.NRGBA) []Text {
	out := make([]Text, len(ts))
	for i, t := range ts {
		t.Color = fade(t.Color, bg)
		out[i] = t
	}
	return out
}

// fade mixes a colour towards bg, keeping its opacity; unpainted stays
// unpainted.
func fade(s string, bg color.NRGBA) string {
	c, ok := ParseColor(s)
	if !ok {
		return s
	}
	mix := func(a, b uint8) uint8 { return uint8(float64(a)*dimKeep + float64(b)*(1-dimKeep) + 0.5) }
	r, g, b := mix(c.R, bg.R), mix(c.G, bg.G), mix(c.B, bg.B)
	if c.A == 255 {
		return fmt.Sprintf("#%02x%02x%02x", r, g, b)
	}
	return fmt.Sprintf("#%02x%02x%02x%02x", r, g, b, c.A)
}
