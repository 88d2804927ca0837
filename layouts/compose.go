package layouts

import (
	"cmp"
	"math"

	"github.com/kviz/kviz/layouts/graphviz"
	"github.com/kviz/kviz/model"
	"github.com/kviz/kviz/render"
	"github.com/kviz/kviz/render/text"
)

// Free text styles and spacing, in points.
var (
	titleText   = text.Style{Size: 20, Bold: true}
	captionText = text.Style{Size: 14}             // under a title: smaller than it
	captionOnly = text.Style{Size: 26, Bold: true} // the only heading, as in the seed's figure 2
)

// captionFor is the caption's style: smaller than the title when there
// is one, so that the title is the largest text.
func captionFor(m *model.Model) text.Style {
	if m.Title == "" {
		return captionOnly
	}
	return captionText
}

const (
	titleGap  = 12 // under the title
	legendGap = 24 // between the drawing and the legend
	edgeWidth = 1.2
)

// Dash patterns, in points.
var dashes = map[string][]float64{"dashed": {5, 4}, "dotted": {1.5, 3}}

// scene composes the laid-out graph with title, caption and legend.
func (b *builder) scene(g *graphviz.Graph) *render.Scene {
	m, s := b.m, b.s
	sc := &render.Scene{Title: m.Title, Background: s.background}
	if sc.Title == "" {
		sc.Title = m.Caption
	}

	legend, below := b.placeLegend(g.Width, g.Height)
	bodyW, bodyH := g.Width, g.Height
	switch {
	case legend == nil:
	case below:
		bodyW, bodyH = max(bodyW, legend.Box.Width), bodyH+legendGap+legend.Box.Height
	default:
		bodyW, bodyH = bodyW+legendGap+legend.Box.Width, max(bodyH, legend.Box.Height)
	}
	titleStyle, captionStyle := s.font(titleText), s.font(captionFor(m))
	titleLines := wrap(m.Title, titleStyle, 1e9)
	captionLines := wrap(m.Caption, captionStyle, 1e9)
	tw, th := text.Block(titleLines, titleStyle)
	cw, ch := text.Block(captionLines, captionStyle)

	contentW := max(bodyW, tw, cw)
	ox := s.pad + (contentW-bodyW)/2
	oy := s.pad
	if th > 0 {
		oy += th + titleGap
	}
	sc.Width = contentW + 2*s.pad
	sc.Height = oy + bodyH + s.pad
	if ch > 0 {
		sc.Height += titleGap + ch
	}
	// Whole points, so that a PNG at a whole scale has no partial last
	// pixel row or column.
	sc.Width, sc.Height = math.Ceil(sc.Width), math.Ceil(sc.Height)
	mid := s.pad + contentW/2
	free := b.textOn(nil)
	sc.Texts = append(sc.Texts, lines(titleLines, titleStyle, mid, s.pad, free)...)
	sc.Texts = append(sc.Texts, lines(captionLines, captionStyle, mid, oy+bodyH+titleGap, free)...)
	legendX, legendY := ox+g.Width+legendGap, oy
	if below {
		legendX, legendY = ox+(bodyW-legend.Box.Width)/2, oy+g.Height+legendGap
		ox += (bodyW - g.Width) / 2
	}

	m.Walk(func(n *model.Node) { sc.Nodes = append(sc.Nodes, b.node(n, ox, oy)) })
	for i, e := range m.Edges {
		sc.Edges = append(sc.Edges, b.edge(e, g.Edges[i], b.edges[i], ox, oy))
	}
	ortho := m.Splines == "ortho"
	if ortho {
		slideLegs(sc)
	}
	curved := m.Splines == "" || m.Splines == "curved"
	fitEnds(sc)
	if curved {
		easeEnds(sc)
	}
	detours(sc, curved)
	spreadEnds(sc, ortho)
	placeBadges(sc, curved)
	mergeTrunks(sc)
	placeTitles(sc)
	placeEdgeLabels(sc)
	if legend != nil {
		legend.move(legendX, legendY)
		sc.Legend = legend.Legend
	}
	return sc
}

// lines sets a block of centred lines whose top is at y.
func lines(ls []string, st text.Style, cx, y float64, color string) []render.Text {
	var out []render.Text
	base := text.Baseline(st)
	for i, l := range ls {
		out = append(out, render.Text{X: cx, Y: y + base + float64(i)*st.Size*text.LineHeight,
			Text: l, Size: st.Size, Bold: st.Bold, Italic: st.Italic, Anchor: render.AnchorMiddle, Color: color})
	}
	return out
}

// labelBox is the box of a block of lines centred on cx whose top is at y.
func labelBox(ls []string, st text.Style, cx, y float64) render.Box {
	w, h := text.Block(ls, st)
	return render.Box{X: cx - w/2, Y: y, Width: w, Height: h}
}

func (b *builder) node(n *model.Node, ox, oy float64) render.Node {
	gn := b.gv[n]
	rn := render.Node{ID: n.ID, Kind: n.Kind.Name, Label: n.Label, Group: n.IsGroup,
		X: ox + gn.X, Y: oy + gn.Y, Width: gn.W, Height: gn.H, Tooltip: n.Tooltip, Link: n.Link}
	if n.Parent != nil {
		rn.Parent = n.Parent.ID
	}
	if n.IsGroup {
		b.group(n, &rn, ox+gn.Label[0], oy+gn.Label[1])
		return rn
	}
	l := b.leaves[n]
	rn.Shape = l.shape
	color := or(n.Style.Color, b.s.pal.boxText)
	cx := rn.X + rn.Width/2
	_, th := text.Block(l.lines, l.style)
	top := rn.Y + (rn.Height-th)/2 // the label's top: centred in the box
	switch l.shape {
	case render.ShapeIcon:
		color = or(n.Style.Color, b.textOn(n.Parent))
		rn.Icon = b.icon(n, l, &rn, &top)
		if l.framed {
			rn.Paint = render.Paint{Stroke: or(n.Style.Stroke, b.s.pal.edge), StrokeWidth: 1, Radius: 6}
		}
	case render.ShapeText:
		color = or(n.Style.Color, b.textOn(n.Parent))
	case render.ShapeCloud:
		color = or(n.Style.Color, b.s.pal.cloudText)
		rn.Paint = render.Paint{Fill: or(n.Style.Fill, b.s.pal.cloud.fill), Stroke: or(n.Style.Stroke, b.s.pal.cloud.stroke), StrokeWidth: 1.2}
	default:
		rn.Paint = render.Paint{Fill: or(n.Style.Fill, b.s.pal.box.fill), Stroke: or(n.Style.Stroke, b.s.pal.box.stroke), StrokeWidth: 1.2}
		if l.shape == render.ShapeRounded {
			rn.Paint.Radius = 8
		}
	}
	if n.Style.Color == "" && n.Style.Fill != "" && l.shape != render.ShapeIcon && l.shape != render.ShapeText {
		color = b.s.pal.textOn(n.Style.Fill) // a box the model painted keeps readable text
	}
	rn.Paint.Dash = dashes[n.Style.Dash]
	rn.Badge = b.badge(n, &rn)
	rn.Lines = lines(l.lines, l.style, cx, top, color)
	rn.LabelBox = labelBox(l.lines, l.style, cx, top)
	return rn
}

// icon places a node's icon at the top of its box (the bottom when the
// label goes on top) and moves the label's top under it.
func (b *builder) icon(n *model.Node, l leaf, rn *render.Node, top *float64) *render.Icon {
	k := model.LookupKind(l.icon)
	if k == nil {
		k = n.Kind // an icon file: its fixed colours win over these
	}
	body, glyph := b.s.pal.iconColors(k)
	side := float64(iconSize)
	if l.stack {
		side += 2 * render.StackOffset
	}
	_, th := text.Block(l.lines, l.style)
	x := rn.X + (rn.Width-side)/2
	inset := (rn.Height - l.inner) / 2 // room for a frame, if any
	y := rn.Y + inset
	*top = y + side + iconGap
	if n.Style.LabelPosition == "top" {
		*top = y
		y = rn.Y + rn.Height - inset - side
	}
	if th == 0 {
		y = rn.Y + (rn.Height-side)/2
	}
	ic := &render.Icon{Name: l.icon, Box: render.Box{X: x, Y: y, Width: iconSize, Height: iconSize},
		Replicas: l.stack, Fill: or(n.Style.Fill, body), Glyph: glyph}
	if l.stack {
		ic.Box.Y += 2 * render.StackOffset // the front copy; the others go up and right
	}
	return ic
}

func (b *builder) group(n *model.Node, rn *render.Node, lx, ly float64) {
	look := b.s.pal.groups[groupKind(n)]
	st := b.s.font(groupTitle(n))
	rn.Shape = render.ShapeGroup
	rn.Paint = b.groupPaint(n)
	rn.Plate = b.surface(n)
	ls := b.titles[n]
	_, th := text.Block(ls, st)
	rn.Lines = lines(ls, st, lx, ly-th/2, or(n.Style.Color, legible(look.text, titleSurface(rn))))
	rn.LabelBox = labelBox(ls, st, lx, ly-th/2)
}

// groupPaint is how a group's frame is drawn: the theme's look for its
// kind, with the model's style over it.
func (b *builder) groupPaint(n *model.Node) render.Paint {
	look := b.s.pal.groups[groupKind(n)]
	shape := groupShapes[groupKind(n)]
	p := render.Paint{Fill: or(n.Style.Fill, look.fill), Stroke: or(n.Style.Stroke, look.stroke),
		StrokeWidth: shape.width(look), Dash: shape.dash, Radius: shape.radius}
	if n.Style.Dash != "" {
		p.Dash = dashes[n.Style.Dash]
		if p.StrokeWidth == 0 {
			p.StrokeWidth = 1.2
		}
	}
	return p
}

func (b *builder) edge(e *model.Edge, ge *graphviz.Edge, ls []string, ox, oy float64) render.Edge {
	lk := b.edgeLook(e)
	re := render.Edge{From: e.From, To: e.To, Label: e.Label,
		Relation: e.Relation, Style: cmp.Or(render.LineStyle(e.Style), render.LineSolid),
		Arrow: cmp.Or(render.ArrowKind(e.Arrow), render.ArrowNormal), Dir: cmp.Or(render.Direction(e.Dir), render.DirForward),
		Color: lk.color, Width: edgeWidth, Dash: lk.pattern()}
	for _, p := range ge.Points {
		re.Points = append(re.Points, render.Point{ox + p[0], oy + p[1]})
	}
	open := e.Arrow == "open"
	if ge.HeadTip != nil {
		re.Head = &render.Arrow{Tip: render.Point{ox + ge.HeadTip[0], oy + ge.HeadTip[1]}, Base: re.Points[len(re.Points)-1], Open: open}
	}
	if ge.TailTip != nil {
		re.Tail = &render.Arrow{Tip: render.Point{ox + ge.TailTip[0], oy + ge.TailTip[1]}, Base: re.Points[0], Open: open}
	}
	if len(ls) > 0 {
		_, h := text.Block(ls, b.s.font(edgeText))
		re.Lines = lines(ls, b.s.font(edgeText), ox+ge.LabelPos[0], oy+ge.LabelPos[1]-h/2, or(e.Color, b.textOn(b.commonGroup(e))))
		re.LabelBox = labelBox(ls, b.s.font(edgeText), ox+ge.LabelPos[0], oy+ge.LabelPos[1]-h/2)
	}
	return re
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// textOn is the colour for text drawn inside group g (nil for the top
// level): readable on the nearest painted group fill, else on the
// background. The diagram's style.color wins over both.
func (b *builder) textOn(g *model.Node) string {
	if b.m.Style.Color != "" {
		return b.m.Style.Color
	}
	if s := b.surface(g); render.Painted(s) {
		return b.s.pal.textOn(s) // the theme's own text where it reads
	}
	return b.s.pal.text // a transparent background: the theme's text
}

// surface is the colour a group's title is drawn on: its own fill, or its
// nearest painted ancestor's, or the background ("" when transparent).
func (b *builder) surface(g *model.Node) string {
	for ; g != nil; g = g.Parent {
		if fill := or(g.Style.Fill, b.s.pal.groups[groupKind(g)].fill); render.Painted(fill) {
			return fill
		}
	}
	return b.s.background
}

// titleSurface is the colour a group's title is read on: its plate, else
// (over a transparent background) white, the page it is most likely on.
func titleSurface(rn *render.Node) string {
	if render.Painted(rn.Plate) {
		return rn.Plate
	}
	return "#ffffff"
}

// commonGroup is the innermost group holding both ends of an edge, or nil.
func (b *builder) commonGroup(e *model.Edge) *model.Node {
	from, to := b.m.Lookup(e.From), b.m.Lookup(e.To)
	for g := from.Parent; g != nil; g = g.Parent {
		for h := to; h != nil; h = h.Parent {
			if h == g {
				return g
			}
		}
	}
	return nil
}
