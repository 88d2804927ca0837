// Package graphviz is the layout stage's seam: a Graph of fixed-size
// boxes, nested clusters and edges with fixed-size label slots goes in to
// a Placer, and positions come out, in points, origin at the top-left of
// the drawing, y down. It speaks Graphviz's languages — it writes the
// Graph as DOT and reads Graphviz's json0 answer — and talks to a worker
// process (Worker), but runs no Graphviz itself: package
// layouts/graphviz/wasm does, and imports go-graphviz, which this package
// does not. So a program or test that only composes scenes on a fake
// Placer never loads Graphviz's WASM.
package graphviz

// Clusters reports whether an engine draws clusters. neato, circo and
// twopi ignore them: a group's members would scatter among other boxes.
func Clusters(engine string) bool {
	return engine == "dot" || engine == "fdp" || engine == "osage"
}

// Graph is what Graphviz lays out. Every size is in points.
type Graph struct {
	Engine    string // dot, neato, fdp, circo, twopi or osage
	Direction string // TB, LR, BT or RL
	Splines   string // Graphviz's splines attribute; "" for its default
	Nodes     []*Node
	Edges     []*Edge
	Ranks     [][]*Node // boxes set on one rank each (order them with edges)
	RankSep   float64   // points between ranks; 0 for RankSep

	// Results.
	Width, Height float64
}

// Node is a box of fixed size, or a cluster holding other nodes.
type Node struct {
	ID       string  // written into the DOT as the node's id attribute
	Width    float64 // a box's size; for a cluster, its label slot
	Height   float64
	Cluster  bool
	Bottom   bool // the cluster's label goes at the bottom
	Right    bool // the cluster's label is justified right, not centred
	Children []*Node
	// Port, when not nil, is the part of a box edges attach to (an icon
	// over its label), relative to the box's top-left corner: Graphviz
	// aims edges at it and routes them around the rest of the box.
	Port *Box

	// Placeholder marks the invisible box Graphviz needs inside an empty
	// cluster; it is added by the DOT writer, never by a caller.
	Placeholder bool

	// Results: the box's top-left corner and size, and for a cluster the
	// centre of its label slot.
	X, Y, W, H float64
	Label      [2]float64

	name string // the numeric DOT name: n<i> or cluster_<i>
}

// Box is a rectangle in points: X, Y is its top-left corner.
type Box struct{ X, Y, W, H float64 }

// Edge joins two nodes; either may be a cluster.
type Edge struct {
	From, To    *Node
	LabelWidth  float64 // the label slot; 0 for no label
	LabelHeight float64
	Head, Tail  string // arrowhead shape: normal, onormal or none
	Dashed      bool   // only for the DOT output's readers
	Invisible   bool   // shapes the layout, is not drawn

	// Results: a cubic Bézier spline (start, then three points a segment),
	// the tips of the arrowheads (nil where none), and the label's centre.
	Points   [][2]float64
	HeadTip  *[2]float64
	TailTip  *[2]float64
	LabelPos [2]float64
}

// walk visits every node, parents before children.
func walk(nodes []*Node, f func(*Node)) {
	for _, n := range nodes {
		f(n)
		walk(n.Children, f)
	}
}

// anchor is the node an edge to a cluster is drawn to: its first box.
func (n *Node) anchor() *Node {
	if !n.Cluster {
		return n
	}
	for _, c := range n.Children {
		if a := c.anchor(); a != nil {
			return a
		}
	}
	return nil
}
