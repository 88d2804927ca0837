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
	legendColGap = 24 // between columns
	legendSwatch = 32 // a group swatch's side, a line sample's length
	legendGapX   = 10 // between a label and its sample
)

var legendText = text.Style{Size: 12}

// legendBox is a legend being built, in its own coordinates until moved.
type legendBox struct{ *render.Legend }

// row is one entry: a sample and its label.
type row struct {
	label  string
	sample func(l *legendBox, x, y float64) // draws the sample in a legendSwatch square at x, y
}

// legendRows lists what the diagram uses, in order of first use: the
// icons, then the grouping kinds (a group of no grouping kind is named by
// its own title), then the relations, each in the look it is drawn in.
// Edges without a relation are not listed: a line style alone names
// nothing.
func (b *builder) legendRows() []row {
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
			if n.Kind.Group() {
				groups = append(groups, n) // groups go after the icons, as in the seed figure
			}
		case b.leaves[n].shape == render.ShapeIcon:
			name := b.leaves[n].icon
			k := model.LookupKind(name)
			if k == nil {
				k = n.Kind // an icon file stands for the node's kind
			}
			add("icon:"+name, row{k.Display, func(l *legendBox, x, y float64) { l.icon(b, name, k, x, y) }})
		}
	})
	for _, n := range groups {
		p := b.groupPaint(n)
		add("group:"+n.Kind.Name, row{n.Kind.Display, func(l *legendBox, x, y float64) { l.swatch(n.Kind.Name, p, x, y) }})
	}
	for _, e := range b.m.Edges {
		if e.Relation != "" {
			lk := b.edgeLook(e)
			add("relation:"+e.Relation, row{e.Relation, func(l *legendBox, x, y float64) { l.line(lk, x, y) }})
		}
	}
	return rows
}

// legend builds the key in cols columns (filled top to bottom), or
// returns nil when the model asks for none or there is nothing to list.
// Labels are right-aligned beside their samples, as in the seed figure.
func (b *builder) legend(rows []row, cols int) *legendBox {
	if !b.m.Legend || len(rows) == 0 {
		return nil
	}
	cols = max(1, min(cols, len(rows)))
	perCol := (len(rows) + cols - 1) / cols
	l := &legendBox{&render.Legend{}}
	st := b.s.font(legendText)
	row := max(legendSwatch, st.Size*text.LineHeight) // a row holds its swatch and its label
	x, bottom := float64(legendPad), 0.0
	for c := 0; c*perCol < len(rows); c++ {
		col := rows[c*perCol : min((c+1)*perCol, len(rows))]
		labelW := 0.0
		for _, r := range col {
			labelW = max(labelW, text.Width(r.label, st))
		}
		y := float64(legendPad)
		sampleX := x + labelW + legendGapX
		for _, r := range col {
			r.sample(l, sampleX, y+(row-legendSwatch)/2)
			base := y + (row-st.Size*text.LineHeight)/2 + text.Baseline(st)
			l.Texts = append(l.Texts, render.Text{X: x + labelW, Y: base, Text: r.label,
				Size: st.Size, Anchor: render.AnchorEnd, Color: b.s.pal.textOn(b.s.pal.legend.fill)})
			y += row + legendRowGap
		}
		bottom = max(bottom, y-legendRowGap)
		x = sampleX + legendSwatch + legendColGap
	}
	l.Box = render.Box{Width: x - legendColGap + legendPad, Height: bottom + legendPad}
	l.Paint = render.Paint{Fill: b.s.pal.legend.fill, Stroke: b.s.pal.legend.stroke, StrokeWidth: 1, Radius: 8}
	return l
}

func (l *legendBox) icon(b *builder, name string, k *model.Kind, x, y float64) {
	body, glyph := b.s.pal.iconColors(k)
	l.Nodes = append(l.Nodes, render.Node{ID: k.Name, Kind: k.Name, Shape: render.ShapeIcon,
		X: x, Y: y, Width: legendIcon, Height: legendIcon,
		Icon: &render.Icon{Name: name, Box: render.Box{X: x, Y: y, Width: legendIcon, Height: legendIcon}, Fill: body, Glyph: glyph}})
}

// swatch is a group kind's sample, painted as its groups are drawn.
func (l *legendBox) swatch(kind string, p render.Paint, x, y float64) {
	if !render.Painted(p.Fill) && len(p.Dash) > 0 {
		// An unfilled dashed frame reads best as its dashed line, as the
		// seed figure draws "Control plane".
		l.Edges = append(l.Edges, render.Edge{From: kind, To: kind, Color: p.Stroke, Width: p.StrokeWidth,
			Dash: fitDash(p.Dash, legendSwatch), Points: straight(x, y+legendSwatch/2, x+legendSwatch, y+legendSwatch/2)})
		return
	}
	p.Radius = 6
	l.Nodes = append(l.Nodes, render.Node{ID: kind, Kind: kind, Shape: render.ShapeGroup, Group: true,
		X: x, Y: y, Width: legendSwatch, Height: legendSwatch, Paint: p})
}

// fitDash is a dash pattern scaled down, keeping its proportions, so that
// a sample length long shows at least three of its periods.
func fitDash(d []float64, length float64) []float64 {
	period := 0.0
	for _, v := range d {
		period += v
	}
	if period <= length/3 {
		return d
	}
	k := length / 3 / period
	out := make([]float64, len(d))
	for i, v := range d {
		out[i] = v * k
	}
	return out
}

// line is a relation's sample: a short line with its arrowhead.
func (l *legendBox) line(lk look, x, y float64) {
	e := render.Edge{Color: lk.color, Width: edgeWidth, Dash: lk.pattern(),
		Points: straight(x, y+legendSwatch/2, x+legendSwatch-8, y+legendSwatch/2)}
	if lk.arrow != "none" {
		e.Head = &render.Arrow{Base: render.Point{x + legendSwatch - 8, y + legendSwatch/2}, Tip: render.Point{x + legendSwatch, y + legendSwatch/2}, Open: lk.arrow == "open"}
	} else {
		e.Points = straight(x, y+legendSwatch/2, x+legendSwatch, y+legendSwatch/2)
	}
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

// placeLegend builds the legend where the model puts it, or else where it
// leaves the least empty canvas around a w×h drawing: right of it in one
// column, or under it in as many columns as fit its width. below reports
// which.
func (b *builder) placeLegend(w, h float64) (l *legendBox, below bool) {
	rows := b.legendRows()
	if !b.m.Legend || len(rows) == 0 {
		return nil, false
	}
	right := func() *legendBox { return b.legend(rows, max(b.m.LegendCol, 1)) }
	under := func() *legendBox {
		if b.m.LegendCol > 0 {
			return b.legend(rows, b.m.LegendCol)
		}
		for cols := len(rows); cols > 1; cols-- {
			if l := b.legend(rows, cols); l.Box.Width <= w {
				return l
			}
		}
		return b.legend(rows, 1)
	}
	switch b.m.LegendAt {
	case "right":
		return right(), false
	case "bottom":
		return under(), true
	}
	r, u := right(), under()
	areaRight := (w + legendGap + r.Box.Width) * max(h, r.Box.Height)
	areaUnder := max(w, u.Box.Width) * (h + legendGap + u.Box.Height)
	if areaUnder < areaRight {
		return u, true
	}
	return r, false
}
