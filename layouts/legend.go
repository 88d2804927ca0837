package layouts

import (
	"github.com/kviz/kviz/model"
	"github.com/kviz/kviz/render"
	"github.com/kviz/kviz/render/text"
)

// Legend geometry, in points.
const (
	legendPad    = 12 // inside the frame
	legendIcon   = 32 // a sample icon's side
	legendRowGap = 8  // between rows
	legendSwatch = 32 // a group swatch's side, a line sample's length
	legendGapX   = 10 // between a label and its sample
)

var legendText = text.Style{Size: 12}

// legendBox is a legend being built, in its own coordinates until moved.
type legendBox struct{ *render.Legend }

// row is one entry: a sample and its label.
type row struct {
	label  string
	sample func(x, y float64) // draws the sample in a legendSwatch square at x, y
}

// legend builds the key of the kinds and edge styles the model uses, in
// order of first use, or returns nil when the model asks for none.
func (b *builder) legend() *legendBox {
	if !b.m.Legend {
		return nil
	}
	l := &legendBox{&render.Legend{}}
	var rows []row
	seen := map[string]bool{}
	add := func(key string, r row) {
		if !seen[key] {
			seen[key] = true
			rows = append(rows, r)
		}
	}
	var groups []*model.Node
	b.m.Walk(func(n *model.Node) {
		switch {
		case n.IsGroup:
			groups = append(groups, n) // groups go after the icons, as in the seed figure
		case b.leaves[n].shape == render.ShapeIcon:
			name := b.leaves[n].icon
			k := model.LookupKind(name)
			if k == nil {
				k = n.Kind // an icon file stands for the node's kind
			}
			add("icon:"+name, row{k.Display, func(x, y float64) { l.icon(b, name, k, x, y) }})
		}
	})
	for _, n := range groups {
		n := n
		add("group:"+groupKind(n)+n.Kind.Name, row{n.Kind.Display, func(x, y float64) { l.swatch(b, n, x, y) }})
	}
	// Edges with a relation are listed by it, in order of first use; the
	// rest by line style.
	for _, e := range b.m.Edges {
		if e.Relation != "" {
			st, color := or(e.Style, "solid"), or(e.Color, b.s.pal.edge)
			add("relation:"+e.Relation, row{e.Relation, func(x, y float64) { l.line(st, color, x, y) }})
		}
	}
	for _, st := range []string{"solid", "dashed", "dotted"} {
		for _, e := range b.m.Edges {
			if e.Relation == "" && or(e.Style, "solid") == st {
				st := st
				add("edge:"+st, row{st + " line", func(x, y float64) { l.line(st, b.s.pal.edge, x, y) }})
			}
		}
	}
	if len(rows) == 0 {
		return nil
	}
	// Labels right-aligned, samples on the right, as in the seed figure.
	labelW := 0.0
	for _, r := range rows {
		labelW = max(labelW, text.Width(r.label, b.s.font(legendText)))
	}
	y := float64(legendPad)
	sampleX := legendPad + labelW + legendGapX
	for _, r := range rows {
		st := b.s.font(legendText)
		row := max(legendSwatch, st.Size*text.LineHeight) // a row holds its swatch and its label
		r.sample(sampleX, y+(row-legendSwatch)/2)
		base := y + (row-st.Size*text.LineHeight)/2 + text.Baseline(st)
		l.Texts = append(l.Texts, render.Text{X: legendPad + labelW, Y: base, Text: r.label,
			Size: st.Size, Anchor: "end", Color: b.s.pal.text})
		y += row + legendRowGap
	}
	l.Box = render.Box{Width: sampleX + legendSwatch + legendPad, Height: y - legendRowGap + legendPad}
	l.Paint = render.Paint{Fill: b.s.pal.legend.fill, Stroke: b.s.pal.legend.stroke, StrokeWidth: 1, Radius: 8}
	return l
}

func (l *legendBox) icon(b *builder, name string, k *model.Kind, x, y float64) {
	body, glyph := b.s.pal.iconColors(k)
	l.Nodes = append(l.Nodes, render.Node{ID: k.Name, Kind: k.Name, Shape: render.ShapeIcon,
		X: x, Y: y, Width: legendIcon, Height: legendIcon,
		Icon: &render.Icon{Name: name, Box: render.Box{X: x, Y: y, Width: legendIcon, Height: legendIcon}, Fill: body, Glyph: glyph}})
}

func (l *legendBox) swatch(b *builder, n *model.Node, x, y float64) {
	look := b.s.pal.groups[groupKind(n)]
	shape := groupShapes[groupKind(n)]
	p := render.Paint{Fill: look.fill, Stroke: look.stroke, StrokeWidth: shape.width(look), Dash: shape.dash, Radius: 6}
	if p.Fill == "none" && len(p.Dash) > 0 {
		// An unfilled dashed frame reads best as its dashed line, as the
		// seed figure draws "Control plane".
		l.Edges = append(l.Edges, render.Edge{From: n.Kind.Name, To: n.Kind.Name, Color: p.Stroke, Width: p.StrokeWidth,
			Dash: []float64{5, 3}, Points: straight(x, y+legendSwatch/2, x+legendSwatch, y+legendSwatch/2)})
		return
	}
	l.Nodes = append(l.Nodes, render.Node{ID: n.Kind.Name, Kind: n.Kind.Name, Shape: render.ShapeGroup, Group: true,
		X: x, Y: y, Width: legendSwatch, Height: legendSwatch, Paint: p})
}

func (l *legendBox) line(style, color string, x, y float64) {
	e := render.Edge{Color: color, Width: edgeWidth, Dash: dashes[style],
		Points: straight(x, y+legendSwatch/2, x+legendSwatch-8, y+legendSwatch/2)}
	e.Head = &render.Arrow{Base: render.Point{x + legendSwatch - 8, y + legendSwatch/2}, Tip: render.Point{x + legendSwatch, y + legendSwatch/2}}
	l.Edges = append(l.Edges, e)
}

// straight is a line from one point to another as a Bézier spline.
func straight(x0, y0, x1, y1 float64) []render.Point {
	return []render.Point{{x0, y0}, {x0 + (x1-x0)/3, y0 + (y1-y0)/3}, {x0 + 2*(x1-x0)/3, y0 + 2*(y1-y0)/3}, {x1, y1}}
}

// move places the legend's top-left corner at x, y.
func (l *legendBox) move(x, y float64) {
	l.Box.X, l.Box.Y = x, y
	for i := range l.Nodes {
		n := &l.Nodes[i]
		n.X, n.Y = n.X+x, n.Y+y
		if n.Icon != nil {
			n.Icon.Box.X, n.Icon.Box.Y = n.Icon.Box.X+x, n.Icon.Box.Y+y
		}
	}
	for i := range l.Edges {
		e := &l.Edges[i]
		for j := range e.Points {
			e.Points[j] = render.Point{e.Points[j][0] + x, e.Points[j][1] + y}
		}
		if e.Head != nil {
			e.Head.Base = render.Point{e.Head.Base[0] + x, e.Head.Base[1] + y}
			e.Head.Tip = render.Point{e.Head.Tip[0] + x, e.Head.Tip[1] + y}
		}
	}
	for i := range l.Texts {
		l.Texts[i].X += x
		l.Texts[i].Y += y
	}
}
