package layouts

import (
	"math"

	"github.com/kviz/kviz/layouts/graphviz"
	"github.com/kviz/kviz/model"
	"github.com/kviz/kviz/render"
	"github.com/kviz/kviz/render/text"
)

// builder carries one layout from model to Graphviz and back.
type builder struct {
	m      *model.Model
	s      settings
	gv     map[*model.Node]*graphviz.Node
	leaves map[*model.Node]leaf
	titles map[*model.Node][]string // group titles, line by line
	edges  [][]string               // edge labels, line by line, as m.Edges
	files  map[*model.Node]string   // icon files, by their icon names
	looks  map[string]look          // by relation
}

func newBuilder(m *model.Model, s settings, files map[*model.Node]string) *builder {
	b := &builder{m: m, s: s, gv: map[*model.Node]*graphviz.Node{},
		leaves: map[*model.Node]leaf{}, titles: map[*model.Node][]string{}, files: files}
	b.looks = b.relationLooks()
	return b
}

// Room, in points, around a group title and an edge label in their slots.
const (
	titlePadX = 16
	titlePadY = 6
	edgePadX  = 6
	edgePadY  = 2
)

// graph builds the Graphviz input: every node at its measured size, every
// group a cluster with a slot for its title, in source order.
func (b *builder) graph() *graphviz.Graph {
	g := &graphviz.Graph{Engine: b.s.engine, Direction: b.s.direction}
	g.Nodes = b.nodes(b.m.Nodes)
	for _, e := range b.m.Edges {
		lines := wrap(e.Label, b.s.font(edgeText), edgeLabelMax*b.s.fontScale)
		b.edges = append(b.edges, lines)
		ge := &graphviz.Edge{From: b.gv[b.m.Lookup(e.From)], To: b.gv[b.m.Lookup(e.To)], Dashed: e.Style == "dashed"}
		ge.Head, ge.Tail = arrows(e)
		if len(lines) > 0 {
			w, h := text.Block(lines, b.s.font(edgeText))
			ge.LabelWidth, ge.LabelHeight = w+2*edgePadX, h+2*edgePadY
		}
		g.Edges = append(g.Edges, ge)
	}
	touched := map[string]bool{}
	for _, e := range b.m.Edges {
		touched[e.From], touched[e.To] = true, true
	}
	b.grid(g, b.m.Nodes, touched, false)
	b.arrange(g)
	return g
}

// gridMin is the fewest unconnected members a group must have before they
// are set out in a grid.
const gridMin = 6

// grid sets out the unconnected leaf members of each group (and of the top
// level) in a square-ish grid, with invisible edges from each to the one a
// row below. Without them dot puts every unconnected member in one rank:
// one very long row or column.
func (b *builder) grid(g *graphviz.Graph, nodes []*model.Node, touched map[string]bool, arranged bool) {
	var lone []*model.Node
	for _, n := range nodes {
		if n.IsGroup {
			b.grid(g, n.Nodes, touched, n.Style.Columns > 0)
		} else if !touched[n.ID] {
			lone = append(lone, n)
		}
	}
	if len(lone) < gridMin || arranged {
		return // too few to need it, or the model set them out itself
	}
	cols := int(math.Ceil(math.Sqrt(float64(len(lone)))))
	for i := 0; i+cols < len(lone); i++ {
		g.Edges = append(g.Edges, invisible(b.gv[lone[i]], b.gv[lone[i+cols]]))
	}
}

func (b *builder) nodes(ns []*model.Node) []*graphviz.Node {
	var out []*graphviz.Node
	for _, n := range ns {
		gn := &graphviz.Node{ID: n.ID}
		if n.IsGroup {
			lines := wrap(n.Label, b.s.font(groupTitle(n)), boxLabelMax*2*b.s.fontScale)
			b.titles[n] = lines
			w, h := text.Block(lines, b.s.font(groupTitle(n)))
			gn.Cluster, gn.Bottom, gn.Right = true, groupBottom(n), groupShapes[groupKind(n)].right
			gn.Width, gn.Height = w+2*titlePadX, h+2*titlePadY
			if len(lines) == 0 {
				gn.Width, gn.Height = 1, 1
			}
			gn.Children = b.nodes(n.Nodes)
		} else {
			l := measureLeaf(n, iconName(n, b.files), b.s.fontScale, b.s.fonts)
			b.leaves[n] = l
			gn.Width, gn.Height = l.w, l.h
			gn.Port = iconPort(n, l)
		}
		b.gv[n] = gn
		out = append(out, gn)
	}
	return out
}

// iconPort is where an unframed icon sits in its node's box, the part
// edges attach to, or nil for any other node. It places the icon as
// builder.icon draws it.
func iconPort(n *model.Node, l leaf) *graphviz.Box {
	if l.shape != render.ShapeIcon || l.framed {
		return nil
	}
	side := float64(iconSize)
	if l.stack {
		side += 2 * render.StackOffset
	}
	_, th := text.Block(l.lines, l.style)
	y := 0.0
	switch {
	case th == 0:
		y = (l.h - side) / 2
	case n.Style.LabelPosition == "top":
		y = l.h - side
	}
	return &graphviz.Box{X: (l.w - side) / 2, Y: y, W: side, H: side}
}

// arrows maps an edge's arrow and dir onto Graphviz arrowheads at its head
// and tail.
func arrows(e *model.Edge) (head, tail string) {
	shape := "normal"
	switch e.Arrow {
	case "open":
		shape = "onormal"
	case "none":
		shape = "none"
	}
	switch e.Dir {
	case "back":
		return "none", shape
	case "both":
		return shape, shape
	case "none":
		return "none", "none"
	}
	return shape, "none"
}
