// Package model loads kviz's YAML model format v1 into a validated *Model.
//
// In goes a file's bytes; out comes a tree of nodes and a list of edges, each
// with the position it was written at, or an ErrorList naming every problem
// at once. A *Model is not modified after Load returns.
package model

// ReservedPrefix starts the ids kviz gives the parts of its SVG output that
// are not model nodes (icon symbols, the title); no model id may start so.
const ReservedPrefix = "kviz-"

// Model is a loaded, validated diagram description.
type Model struct {
	File       string
	Title      string
	Caption    string
	Direction  string     // TB, LR, BT or RL
	Engine     string     // the Graphviz engine (the `layout:` key): dot, neato, fdp, circo, twopi or osage
	EnginePos  Pos        // where the model set its engine; zero when it did not
	Splines    string     // curved, ortho, polyline or line; "" for Graphviz's own
	Align      [][]string // rows of node ids, each set on one rank in order
	Theme      string     // kubernetes, light, dark or mono
	Legend     bool
	LegendAt   string      // right, bottom, or "" for wherever leaves the least empty canvas
	LegendCol  int         // the legend's columns; 0 to fit
	Style      Style       // diagram-level: Background, Color and FontSize
	Fonts      []*FontFile // fonts to fall back on after the embedded one, in order
	Lang       string      // the text's language (BCP 47), "" when not given
	TitlePos   Pos         // where the title and caption are written; zero when not
	CaptionPos Pos
	Nodes      []*Node // the top level, in source order
	Edges      []*Edge // in source order
	Steps      []*Step // a build, frame by frame; nil for none

	byID map[string]*Node
}

// Node is a box in the diagram; a node with children is a group.
type Node struct {
	ID       string
	Kind     *Kind
	Label    string // the text drawn; the kind's display name when not given
	Nodes    []*Node
	IsGroup  bool // written with a `nodes` key, or of a grouping kind
	Replicas int  // 1 unless given
	Style    Style
	Icon     *Kind     // another kind's icon, or nil for the node's own
	IconFile *IconFile // an icon drawn elsewhere, or nil
	Tooltip  string
	Link     string
	Parent   *Node // nil at the top level
	Pos      Pos
}

// IconFile is an SVG icon a model names by its path. The loader only reads
// it; the layout checks and draws it (package render/icon).
type IconFile struct {
	Path string // as written, relative to the model's folder
	Data []byte
	Pos  Pos // where the model names it
}

// Style holds optional overrides; an empty field means "the theme decides".
type Style struct {
	Fill          string
	Stroke        string
	Color         string  // text colour
	Dash          string  // solid, dashed or dotted
	FontWeight    string  // normal or bold
	LabelPosition string  // top or bottom
	Shape         string  // icon, box, rounded, ellipse, circle, cloud, cylinder or text
	Columns       int     // a group's members in a grid this many wide; 0 for Graphviz's own
	Background    string  // diagram level only
	FontSize      float64 // diagram level only: node labels' size in points; 0 for the default
}

// Edge joins one node to another; an edge written with a list of targets
// is loaded as one Edge per target.
type Edge struct {
	From, To string
	Label    string
	Style    string // solid, dashed or dotted
	Arrow    string // normal, open or none
	Dir      string // forward, back, both or none
	Color    string
	Relation string // what the edge means ("selects", "mounts"): the legend's name for its style
	Pos      Pos
}

// Lookup returns the node with the given id, or nil.
func (m *Model) Lookup(id string) *Node { return m.byID[id] }

// Walk calls f for every node, parents before children, in source order.
func (m *Model) Walk(f func(*Node)) { walk(m.Nodes, f) }

func walk(nodes []*Node, f func(*Node)) {
	for _, n := range nodes {
		f(n)
		walk(n.Nodes, f)
	}
}

// Depth is the number of groups that hold n.
func (n *Node) Depth() int {
	d := 0
	for p := n.Parent; p != nil; p = p.Parent {
		d++
	}
	return d
}
