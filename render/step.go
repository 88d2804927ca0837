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
	d := dimmer{bg: bg, sc: &c}
	for _, n := range sc.Nodes {
		if !st.Nodes[n.ID] {
			continue
		}
		if st.Dim[n.ID] {
			n = d.node(n)
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

// dimmer fades nodes towards bg, adding to sc a faded copy of each symbol
// a faded icon draws, once.
type dimmer struct {
	bg    color.NRGBA
	sc    *Scene
	faded map[string]string // symbol id → its faded copy's id
}

func (d *dimmer) node(n Node) Node {
	n.Paint.Fill, n.Paint.Stroke = fade(n.Paint.Fill, d.bg), fade(n.Paint.Stroke, d.bg)
	n.Plate = fade(n.Plate, d.bg)
	n.Lines = fadeTexts(n.Lines, d.bg)
	if n.Icon != nil {
		ic := *n.Icon
		ic.Fill, ic.Glyph = fade(ic.Fill, d.bg), fade(ic.Glyph, d.bg)
		ic.Symbol = d.symbol(ic.Symbol)
		n.Icon = &ic
	}
	return n
}

// symbol is the id of the faded copy of symbol id, made on first use;
// every element's colours faded, the fixed colours of icon files too.
func (d *dimmer) symbol(id string) string {
	if f, ok := d.faded[id]; ok {
		return f
	}
	taken := map[string]bool{}
	var src *Symbol
	for i := range d.sc.Icons {
		taken[d.sc.Icons[i].ID] = true
		if d.sc.Icons[i].ID == id {
			src = &d.sc.Icons[i]
		}
	}
	if src == nil {
		return id
	}
	f := id + "-dim"
	for i := 2; taken[f]; i++ {
		f = fmt.Sprintf("%s-dim-%d", id, i)
	}
	sym := Symbol{ID: f, Name: src.Name, Elements: make([]Element, len(src.Elements))}
	for i, el := range src.Elements {
		el.Fill, el.Stroke = fade(el.Fill, d.bg), fade(el.Stroke, d.bg)
		sym.Elements[i] = el
	}
	d.sc.Icons = append(d.sc.Icons[:len(d.sc.Icons):len(d.sc.Icons)], sym)
	if d.faded == nil {
		d.faded = map[string]string{}
	}
	d.faded[id] = f
	return f
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
