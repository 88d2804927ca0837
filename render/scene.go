// Package render defines the Scene, the flat laid-out drawing that every
// encoder reads, and the encoders' shared helpers. A Scene has absolute
// positions in points, origin top-left, y down, and resolved colours; an
// encoder never sees the model or the theme.
package render

import "github.com/kviz/kviz/render/text"

// Scene is a laid-out diagram. Its JSON form (the fields with JSON tags) is
// the `-f json` output described in DESIGN.md §4.
type Scene struct {
	Width  float64 `json:"width"`  // points
	Height float64 `json:"height"` // points
	Nodes  []Node  `json:"nodes"`  // groups before their members, in model order
	Edges  []Edge  `json:"edges"`  // in model order

	Title      string  `json:"-"` // the SVG <title>; may be empty
	Background string  `json:"-"` // a colour, or "" for transparent
	Texts      []Text  `json:"-"` // free text: the title and caption
	Legend     *Legend `json:"-"` // nil when there is none
	// Fonts are the fonts the texts were measured with after the embedded
	// one; encoders draw with them. Nil: the embedded font alone.
	Fonts *text.Fonts `json:"-"`
}

// Point is a position in points, origin top-left, y down.
type Point [2]float64

// Box is a rectangle in points: X, Y is its top-left corner.
type Box struct {
	X      float64 `json:"x"`
	Y      float64 `json:"y"`
	Width  float64 `json:"width"`
	Height float64 `json:"height"`
}

// Contains reports whether b lies inside a, allowing eps points of slack.
func (a Box) Contains(b Box, eps float64) bool {
	return b.X >= a.X-eps && b.Y >= a.Y-eps &&
		b.X+b.Width <= a.X+a.Width+eps && b.Y+b.Height <= a.Y+a.Height+eps
}

// Overlaps reports whether a and b share more than eps points each way.
func (a Box) Overlaps(b Box, eps float64) bool {
	return a.X+a.Width-eps > b.X && b.X+b.Width-eps > a.X &&
		a.Y+a.Height-eps > b.Y && b.Y+b.Height-eps > a.Y
}

// Shapes a node can be drawn as.
const (
	ShapeIcon     = "icon"     // an icon over its label; the box itself is not drawn
	ShapeBox      = "box"      // a rectangle holding the label
	ShapeRounded  = "rounded"  // a rounded rectangle holding the label
	ShapeEllipse  = "ellipse"  // an ellipse filling the box
	ShapeCircle   = "circle"   // a circle centred in the box
	ShapeCloud    = "cloud"    // a cloud filling the box
	ShapeCylinder = "cylinder" // a database drum filling the box
	ShapeText     = "text"     // the label alone
	ShapeGroup    = "group"    // a group's rounded frame
)

// Node is a box of the drawing: a leaf node or a group.
type Node struct {
	ID       string  `json:"id"`
	Kind     string  `json:"kind"` // canonical kind name
	Label    string  `json:"label"`
	Parent   string  `json:"parent"` // the enclosing group's id; "" at the top level
	Group    bool    `json:"group"`
	X        float64 `json:"x"`
	Y        float64 `json:"y"`
	Width    float64 `json:"width"`
	Height   float64 `json:"height"`
	LabelBox Box     `json:"label_box"` // where the label is drawn, as wide as it measures

	Shape   string `json:"-"`
	Icon    *Icon  `json:"-"` // nil when no icon is drawn
	Paint   Paint  `json:"-"` // the shape's fill and stroke
	Plate   string `json:"-"` // for a group: the colour behind its title, hiding edges that cross it
	Lines   []Text `json:"-"` // the label, line by line
	Tooltip string `json:"-"`
	Link    string `json:"-"`
}

// Box is the node's box.
func (n *Node) Box() Box { return Box{n.X, n.Y, n.Width, n.Height} }

// Paint is how a shape is filled and stroked. Colours are CSS colours;
// "" or "none" means not painted.
type Paint struct {
	Fill        string
	Stroke      string
	StrokeWidth float64   // points
	Dash        []float64 // dash and gap lengths in points; nil for solid
	Radius      float64   // corner radius in points
}

// Icon places a catalogue icon.
type Icon struct {
	Name     string // the icon's name in package icon
	Box      Box    // the square the (front) icon fills
	Replicas bool   // draw a stack of three offset copies
	Fill     string // the icon's body colour
	Glyph    string // the glyph and outline colour
}

// Text is one line of text. X, Y is the anchor point on the baseline.
type Text struct {
	X, Y   float64
	Text   string
	Size   float64 // points
	Bold   bool
	Italic bool
	Anchor string // start, middle or end
	Color  string
}

// Edge is a drawn connection.
type Edge struct {
	From   string  `json:"from"`
	To     string  `json:"to"`
	Label  string  `json:"label"`
	Points []Point `json:"points"` // a cubic Bézier spline: start, then three points per segment

	Color string    `json:"-"`
	Width float64   `json:"-"` // stroke width in points
	Dash  []float64 `json:"-"`
	Head  *Arrow    `json:"-"` // at To; nil for none
	Tail  *Arrow    `json:"-"` // at From; nil for none
	Lines []Text    `json:"-"` // the label, line by line
}

// Arrow is an arrowhead from its base (on the line) to its tip.
type Arrow struct {
	Tip, Base Point
	Open      bool // hollow instead of filled
}

// Legend is a framed key beside the drawing, made of the same parts.
type Legend struct {
	Box   Box
	Paint Paint
	Nodes []Node // sample icons and swatches
	Edges []Edge // sample lines
	Texts []Text
}
