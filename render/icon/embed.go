package icon

import (
	"strconv"

	"github.com/kviz/kviz/render"
)

// Embed makes sc self-contained: every icon its nodes and legend place
// becomes one render.Symbol in sc.Icons per colouring, in order of first
// use, with the id kviz-NAME (kviz-NAME-2, ... for further colourings),
// and each Icon names its symbol. Icons are found in the catalogue, or in
// files (icons read by FromSVG, by name); an icon found in neither is
// dropped from its node.
func Embed(sc *render.Scene, files map[string]*Icon) {
	type key struct{ name, fill, glyph string }
	ids := map[key]string{}
	taken := map[string]bool{}
	place := func(n *render.Node) {
		ic := n.Icon
		if ic == nil {
			return
		}
		def := Lookup(ic.Name)
		if def == nil {
			def = files[ic.Name]
		}
		if def == nil {
			n.Icon = nil
			return
		}
		k := key{ic.Name, ic.Fill, ic.Glyph}
		if id, ok := ids[k]; ok {
			ic.Symbol = id
			return
		}
		id := "kviz-" + ic.Name
		for i := 2; taken[id]; i++ {
			id = "kviz-" + ic.Name + "-" + strconv.Itoa(i)
		}
		ids[k], taken[id], ic.Symbol = id, true, id
		sc.Icons = append(sc.Icons, def.symbol(id, ic.Fill, ic.Glyph))
	}
	for i := range sc.Nodes {
		place(&sc.Nodes[i])
	}
	if sc.Legend != nil {
		for i := range sc.Legend.Nodes {
			place(&sc.Legend.Nodes[i])
		}
	}
}

var ops = map[Op]render.Op{Path: render.OpPath, Circle: render.OpCircle, Text: render.OpText}

// symbol is the icon painted body and glyph.
func (ic *Icon) symbol(id, body, glyph string) render.Symbol {
	s := render.Symbol{ID: id, Name: ic.Name, Elements: make([]render.Element, len(ic.Elements))}
	for i, el := range ic.Elements {
		fill, stroke := el.Paint(body, glyph)
		s.Elements[i] = render.Element{Op: ops[el.Op], D: el.D, X: el.X, Y: el.Y, R: el.R, Text: el.Text, Size: el.Size,
			Fill: fill, Stroke: stroke, StrokeWidth: el.StrokeWidth, EvenOdd: el.EvenOdd}
	}
	return s
}
