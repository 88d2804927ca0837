package render

import "slices"

// Canvas is what an encoder implements to draw a Scene: outlines, icons and
// text, with parts of the drawing marked by Open and Close (the SVG encoder
// makes them <g> elements; a raster encoder ignores them). Draw decides
// what is drawn and in which order, once for every encoder.
type Canvas interface {
	Path(p Path, pt Paint)
	Icon(ic *Icon, s *Symbol) // an icon drawn as s, or a stack of three for replicas
	Text(t Text)
	Open(p Part)
	Close()
}

// Part names a marked part of the drawing: a node or group, a group's
// title, an edge, or the legend.
type Part struct {
	Node   *Node
	Title  bool // the title of group Node, drawn over the edges
	Edge   *Edge
	Legend bool
}

// Draw paints the scene: group frames outermost first, then edges, then
// group titles on their plates (so no edge runs through a title), nodes,
// the legend, and the free text. The background is the encoder's to paint.
func Draw(sc *Scene, c Canvas) {
	symbols := make(map[string]*Symbol, len(sc.Icons))
	for i := range sc.Icons {
		symbols[sc.Icons[i].ID] = &sc.Icons[i]
	}
	for i := range sc.Nodes {
		if n := &sc.Nodes[i]; n.Group {
			c.Open(Part{Node: n})
			c.Path(n.Outline(), n.Paint)
			c.Close()
		}
	}
	drawn := sc.Drawn()
	for i := range sc.Edges {
		c.Open(Part{Edge: &sc.Edges[i]})
		drawEdge(&drawn[i], c)
		c.Close()
	}
	for i := range sc.Nodes {
		if n := &sc.Nodes[i]; n.Group && len(n.Lines) > 0 {
			c.Open(Part{Node: n, Title: true})
			if Painted(n.Plate) {
				b := n.LabelBox
				c.Path(RoundRect(Box{b.X - platePad, b.Y, b.Width + 2*platePad, b.Height}, 3), Paint{Fill: n.Plate})
			}
			for _, t := range n.Lines {
				c.Text(t)
			}
			c.Close()
		}
	}
	for i := range sc.Nodes {
		if n := &sc.Nodes[i]; !n.Group {
			c.Open(Part{Node: n})
			drawNode(n, c, symbols)
			c.Close()
		}
	}
	if l := sc.Legend; l != nil {
		c.Open(Part{Legend: true})
		c.Path(RoundRect(l.Box, l.Paint.Radius), l.Paint)
		for i := range l.Edges {
			drawEdge(&l.Edges[i], c)
		}
		for i := range l.Nodes {
			drawNode(&l.Nodes[i], c, symbols)
		}
		for _, t := range l.Texts {
			c.Text(t)
		}
		c.Close()
	}
	for _, t := range sc.Texts {
		c.Text(t)
	}
}

// platePad is how far, in points, a title's plate reaches past its text.
const platePad = 4

func drawNode(n *Node, c Canvas, symbols map[string]*Symbol) {
	if p := n.Outline(); p != nil {
		c.Path(p, n.Paint)
		if n.Shape == ShapeCylinder {
			c.Path(CylinderRim(n.Box()), Paint{Stroke: n.Paint.Stroke, StrokeWidth: n.Paint.StrokeWidth})
		}
	}
	if n.Icon != nil && symbols[n.Icon.Symbol] != nil {
		c.Icon(n.Icon, symbols[n.Icon.Symbol])
	}
	if b := n.Badge; b != nil {
		c.Path(RoundRect(b.Box, b.Box.Height/2), b.Paint)
		c.Text(b.Text)
	}
	for _, t := range n.Lines {
		c.Text(t)
	}
}

func drawEdge(e *Edge, c Canvas) {
	c.Path(e.Spline(), Paint{Fill: "none", Stroke: e.Color, StrokeWidth: e.Width, Dash: e.Dash})
	if e.Join != nil {
		j := e.Points[0]
		if !e.Join.Tail {
			j = e.Points[len(e.Points)-1]
		}
		r := JunctionRadius
		c.Path(Ellipse(Box{j[0] - r, j[1] - r, 2 * r, 2 * r}), Paint{Fill: e.Color})
	}
	for _, a := range []*Arrow{e.Head, e.Tail} {
		if a == nil {
			continue
		}
		fill := e.Color
		if a.Open {
			fill = "none"
		}
		c.Path(a.Triangle(), Paint{Fill: fill, Stroke: e.Color, StrokeWidth: e.Width})
	}
	for _, t := range e.Lines {
		c.Text(t)
	}
}

// Painted reports whether a colour paints anything.
func Painted(color string) bool {
	return color != "" && color != "none" && color != "transparent"
}

// JunctionRadius is the radius, in points, of the dot where an edge
// joins a trunk.
const JunctionRadius = 2.5

// Drawn is what each of sc's edges draws itself, in scene order: the edge
// as it is, or, for one merged into a trunk (see Join) that sc draws in
// the same colour, width and dash, only its own part of the line, up to
// the junction (from it, for a tail join), without the arrowhead the
// trunk draws; its Join stays set, and nil otherwise. Label and lines are
// kept.
func (sc *Scene) Drawn() []Edge {
	byKey := make(map[string]*Edge, len(sc.Edges))
	for i := range sc.Edges {
		byKey[EdgeKey(sc.Edges[i].From, sc.Edges[i].To)] = &sc.Edges[i]
	}
	out := make([]Edge, len(sc.Edges))
	for i, e := range sc.Edges {
		j := e.Join
		e.Join = nil
		if o := byKey[j.onto()]; o != nil && o.Color == e.Color && o.Width == e.Width && slices.Equal(o.Dash, e.Dash) {
			e.Join = j
			if j.Tail {
				e.Points, e.Tail = e.Points[j.Index:], nil
			} else {
				e.Points, e.Head = e.Points[:j.Index+1], nil
			}
		}
		out[i] = e
	}
	return out
}

func (j *Join) onto() string {
	if j == nil {
		return ""
	}
	return j.Onto
}
