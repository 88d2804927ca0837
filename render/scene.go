// Package render defines the Scene, the flat laid-out drawing that every
// encoder reads, and the encoders' shared helpers. A Scene has absolute
// positions in points, origin top-left, y down, and resolved colours; an
// encoder never sees the model or the theme.
package render

import "github.com/kviz/kviz/render/text"

// Scene is a laid-out diagram, and everything an encoder needs to draw it:
// nothing is looked up elsewhere. Its JSON form is the `-f json` output
// (EncodeJSON, DecodeJSON), versioned by Version and described by the JSON
// Schema `kviz schema --scene` prints.
type Scene struct {
	Version int     `json:"version"` // the JSON format's version: SceneVersion
	Width   float64 `json:"width"`   // points
	Height  float64 `json:"height"`  // points
	Nodes   []Node  `json:"nodes"`   // groups before their members, in model order
	Edges   []Edge  `json:"edges"`   // in model order

	Title      string   `json:"title,omitempty"`      // the SVG <title>; may be empty
	Background string   `json:"background,omitempty"` // a colour, or "" for transparent
	Texts      []Text   `json:"texts,omitempty"`      // free text: the title and caption
	Legend     *Legend  `json:"legend,omitempty"`     // nil when there is none
	Icons      []Symbol `json:"icons,omitempty"`      // every icon drawn, once per colouring, in order of first use
	Frame      *Frame   `json:"-"`                    // the page it is drawn on; nil for its own size
	// Fonts are the fonts the texts were measured with after the embedded
	// one, and their language; encoders draw with them. Nil: the embedded
	// font alone. The JSON holds them as "lang" and "fonts" (sceneJSON).
	Fonts *text.Fonts `json:"-"`
}

// SceneVersion is the version of the JSON scene this package writes and
// reads. It changes when a field changes meaning or goes away; new fields
// do not change it.
const SceneVersion = 1

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

// Shape is what a node is drawn as: one of the Shape constants.
type Shape string

// Shapes a node can be drawn as.
const (
	ShapeIcon     Shape = "icon"     // an icon over its label; the box itself is not drawn
	ShapeBox      Shape = "box"      // a rectangle holding the label
	ShapeRounded  Shape = "rounded"  // a rounded rectangle holding the label
	ShapeEllipse  Shape = "ellipse"  // an ellipse filling the box
	ShapeCircle   Shape = "circle"   // a circle centred in the box
	ShapeCloud    Shape = "cloud"    // a cloud filling the box
	ShapeCylinder Shape = "cylinder" // a database drum filling the box
	ShapeText     Shape = "text"     // the label alone
	ShapeGroup    Shape = "group"    // a group's rounded frame
)

// Shapes lists every Shape, in the order above.
var Shapes = []Shape{ShapeIcon, ShapeBox, ShapeRounded, ShapeEllipse, ShapeCircle, ShapeCloud, ShapeCylinder, ShapeText, ShapeGroup}

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
	LabelBox Box     `json:"label_box"` // where the label (a group's title) is drawn, as wide as it measures
	// ShapeBox is the box of what is drawn besides the label: the front
	// icon of an icon node, the node's box for other shapes. EncodeJSON
	// fills it in; drawing does not read it.
	ShapeBox Box `json:"shape_box"`

	Shape   Shape  `json:"shape"`             // one of the Shape constants
	Icon    *Icon  `json:"icon,omitempty"`    // nil when no icon is drawn
	Paint   Paint  `json:"paint"`             // the shape's fill and stroke
	Plate   string `json:"plate,omitempty"`   // for a group: the colour behind its title, hiding edges that cross it
	Lines   []Text `json:"lines,omitempty"`   // the label, line by line
	Badge   *Badge `json:"badge,omitempty"`   // a count on the icon, or nil
	Tooltip string `json:"tooltip,omitempty"` // shown on hover in SVG
	Link    string `json:"link,omitempty"`    // the node links there in SVG
}

// Box is the node's box.
func (n *Node) Box() Box { return Box{n.X, n.Y, n.Width, n.Height} }

// Paint is how a shape is filled and stroked. Colours are CSS colours;
// "" or "none" means not painted.
type Paint struct {
	Fill        string    `json:"fill,omitempty"`
	Stroke      string    `json:"stroke,omitempty"`
	StrokeWidth float64   `json:"stroke_width,omitempty"` // points
	Dash        []float64 `json:"dash,omitempty"`         // dash and gap lengths in points; nil for solid
	Radius      float64   `json:"radius,omitempty"`       // corner radius in points
}

// Icon places an icon: one of the scene's Symbols, by its ID.
type Icon struct {
	Name     string `json:"name"`   // the catalogue kind, or file-<hash> for an icon file
	Symbol   string `json:"symbol"` // the ID of the Symbol drawn
	Box      Box    `json:"box"`    // the square the (front) icon fills
	Replicas bool   `json:"replicas,omitempty"`
	Fill     string `json:"fill"`  // the icon's body colour, as the Symbol has it
	Glyph    string `json:"glyph"` // the glyph and outline colour, as the Symbol has it
}

// Symbol is an icon as drawn: vector elements in a 100×100 box, y down, in
// resolved colours. The SVG encoder writes each as a <symbol>; the PNG
// encoder draws the same elements.
type Symbol struct {
	ID       string    `json:"id"`   // unique in the scene; the SVG <symbol>'s id
	Name     string    `json:"name"` // the icon's name, as Icon.Name
	Elements []Element `json:"elements"`
}

// Op is what an Element draws: one of the Op constants.
type Op string

// Element ops.
const (
	OpPath   Op = "path"   // D holds SVG path data
	OpCircle Op = "circle" // centre X, Y and radius R
	OpText   Op = "text"   // Text centred on X with its baseline at Y, Size high, bold
)

// Element is one piece of a Symbol, in its 100×100 box.
type Element struct {
	Op          Op      `json:"op"` // OpPath, OpCircle or OpText
	D           string  `json:"d,omitempty"`
	X           float64 `json:"x,omitempty"`
	Y           float64 `json:"y,omitempty"`
	R           float64 `json:"r,omitempty"`
	Text        string  `json:"text,omitempty"`
	Size        float64 `json:"size,omitempty"`
	Fill        string  `json:"fill,omitempty"`   // "" for none
	Stroke      string  `json:"stroke,omitempty"` // "" for none
	StrokeWidth float64 `json:"stroke_width,omitempty"`
	EvenOdd     bool    `json:"even_odd,omitempty"` // fill by the even-odd rule
}

// Badge is a small pill with a short text, drawn over a node's icon: the
// number of replicas when there are more than the three copies drawn.
type Badge struct {
	Box   Box   `json:"box"`
	Paint Paint `json:"paint"`
	Text  Text  `json:"text"`
}

// Text is one line of text. X, Y is the anchor point on the baseline.
type Text struct {
	X      float64 `json:"x"`
	Y      float64 `json:"y"`
	Text   string  `json:"text"`
	Size   float64 `json:"size"` // points
	Bold   bool    `json:"bold,omitempty"`
	Italic bool    `json:"italic,omitempty"`
	Anchor Anchor  `json:"anchor,omitempty"` // start (""), middle or end
	Color  string  `json:"color"`
}

// Anchor is which point of a Text its X is: its start, middle or end.
type Anchor string

// Text anchors. The zero value, "", is AnchorStart too.
const (
	AnchorStart  Anchor = "start"
	AnchorMiddle Anchor = "middle"
	AnchorEnd    Anchor = "end"
)

// LineStyle is an edge's line as the model asked for it.
type LineStyle string

// Line styles.
const (
	LineSolid  LineStyle = "solid"
	LineDashed LineStyle = "dashed"
	LineDotted LineStyle = "dotted"
)

// ArrowKind is an edge's arrowhead as the model asked for it.
type ArrowKind string

// Arrowhead kinds.
const (
	ArrowNormal ArrowKind = "normal"
	ArrowOpen   ArrowKind = "open"
	ArrowNone   ArrowKind = "none"
)

// Direction is which ends of an edge carry arrowheads.
type Direction string

// Directions.
const (
	DirForward Direction = "forward"
	DirBack    Direction = "back"
	DirBoth    Direction = "both"
	DirNone    Direction = "none"
)

// Edge is a drawn connection.
type Edge struct {
	From     string  `json:"from"`
	To       string  `json:"to"`
	Label    string  `json:"label"`
	LabelBox Box     `json:"label_box"` // where the label is drawn; zero when there is none
	Points   []Point `json:"points"`    // a cubic Bézier spline: start, then three points per segment

	// What the model asked for: its relation (what the edge means, as the
	// legend names it), line style, arrowhead and direction.
	Relation string    `json:"relation,omitempty"`
	Style    LineStyle `json:"style,omitempty"` // solid, dashed or dotted
	Arrow    ArrowKind `json:"arrow,omitempty"` // normal, open or none
	Dir      Direction `json:"dir,omitempty"`   // forward, back, both or none

	Color string    `json:"color"`
	Width float64   `json:"width"` // stroke width in points
	Dash  []float64 `json:"dash,omitempty"`
	Head  *Arrow    `json:"head,omitempty"`  // at To; nil for none
	Tail  *Arrow    `json:"tail,omitempty"`  // at From; nil for none
	Lines []Text    `json:"lines,omitempty"` // the label, line by line
	Join  *Join     `json:"join,omitempty"`  // where it merges into a trunk; nil for none
}

// Join marks an edge merged into a trunk: from Points[Index] on, towards
// its head (towards its tail when Tail), its line is the line of edge
// Onto, so the two are drawn as one, with a dot where they meet. Points
// still hold the whole line, tail to head. When Onto is not drawn (a
// step that hides it), or is drawn in another colour, width or dash, the
// edge draws its whole line itself, and no dot.
type Join struct {
	Onto  string `json:"onto"`           // the edge whose line it joins, as EdgeKey names it
	Index int    `json:"index"`          // the junction: a multiple of 3, inside Points
	Tail  bool   `json:"tail,omitempty"` // the trunk is at the tail: the edge's own part starts at the junction
}

// Arrow is an arrowhead from its base (on the line) to its tip.
type Arrow struct {
	Tip  Point `json:"tip"`
	Base Point `json:"base"`
	Open bool  `json:"open,omitempty"` // hollow instead of filled
}

// Legend is a framed key beside the drawing, made of the same parts.
type Legend struct {
	Box   Box    `json:"box"`
	Paint Paint  `json:"paint"`
	Nodes []Node `json:"nodes,omitempty"` // sample icons and swatches
	Edges []Edge `json:"edges,omitempty"` // sample lines
	Texts []Text `json:"texts,omitempty"`
}
