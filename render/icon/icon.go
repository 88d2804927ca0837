// Package icon is kviz's icon family, drawn by this project: a blue
// heptagon with a white glyph and short name for each Kubernetes kind, and
// a rounded square with a white glyph for each generic part.
//
// An icon is a list of vector elements in a 100×100 box, painted in two
// roles, Body and Glyph, whose colours the scene gives. Embed puts the icons
// a scene draws into the scene, in resolved colours, as render.Symbols:
// the encoders read them there and never come back here.
package icon

// Role says which of an icon's two colours paints an element.
type Role uint8

const (
	None  Role = iota // not painted
	Body              // the icon's body: Kubernetes blue by default
	Glyph             // the glyph and outline: white by default
)

// Color picks the colour of a role: body or glyph, or "" for None.
func (r Role) Color(body, glyph string) string {
	switch r {
	case Body:
		return body
	case Glyph:
		return glyph
	}
	return ""
}

// Op is an element's kind.
type Op uint8

const (
	Path   Op = iota // D holds SVG path data: absolute M, L, C, Q and Z only
	Circle           // centre X, Y and radius R
	Text             // Text centred on X with its baseline at Y, Size high, bold
)

// Element is one piece of an icon, in the icon's 100×100 box.
type Element struct {
	Op          Op
	D           string
	X, Y, R     float64
	Text        string
	Size        float64
	Fill        Role
	Stroke      Role
	StrokeWidth float64
	// FillColor and StrokeColor, when set, are fixed colours that win over
	// the roles: icons read from SVG files keep their own colours.
	FillColor, StrokeColor string
	EvenOdd                bool // fill by the even-odd rule
}

// Paint is the fill and stroke colours of an element in an icon whose
// roles are painted body and glyph; "" means not painted.
func (el Element) Paint(body, glyph string) (fill, stroke string) {
	fill, stroke = el.Fill.Color(body, glyph), el.Stroke.Color(body, glyph)
	if el.FillColor != "" {
		fill = el.FillColor
	}
	if el.StrokeColor != "" {
		stroke = el.StrokeColor
	}
	return fill, stroke
}

// Icon is a named drawing.
type Icon struct {
	Name     string
	Elements []Element
}

// Lookup returns the catalogue icon of that name (a canonical kind name),
// or nil. Icons read from files are not looked up: FromSVG returns them.
func Lookup(name string) *Icon { return index()[name] }

// Has reports whether the catalogue has an icon of that name.
func Has(name string) bool { return Lookup(name) != nil }
