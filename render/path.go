package render

import (
	"math"
	"strconv"
	"strings"
)

// StackOffset is how far, in points, each copy of a replicated icon sits
// up and to the right of the one in front of it. Three copies are drawn.
const StackOffset = 5

// Copies lists the boxes an icon is drawn in, back copy first and ic.Box
// last: one box, or three for replicas.
func (ic *Icon) Copies() []Box {
	b := ic.Box
	if !ic.Replicas {
		return []Box{b}
	}
	out := make([]Box, 0, 3)
	for k := 2; k >= 1; k-- {
		off := float64(k * StackOffset)
		out = append(out, Box{X: b.X + off, Y: b.Y - off, Width: b.Width, Height: b.Height})
	}
	return append(out, b)
}

// Seg is one step of a path: Op is 'M' (move), 'L' (line), 'C' (cubic
// Bézier: two controls and an end) or 'Z' (close). Absolute coordinates.
type Seg struct {
	Op  byte
	Pts []Point
}

// Path is an outline both encoders draw the same way.
type Path []Seg

// SVG writes the path as SVG path data with two decimals.
func (p Path) SVG() string {
	var b strings.Builder
	for i, s := range p {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte(s.Op)
		for j, pt := range s.Pts {
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(F(pt[0]))
			b.WriteByte(',')
			b.WriteString(F(pt[1]))
		}
	}
	return b.String()
}

// F formats a number of points the one way every encoder does: fixed, two
// decimals, no negative zero.
func F(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	if s == "-0.00" {
		return "0.00"
	}
	return s
}

// kappa places cubic controls so that four segments make a circle.
const kappa = 0.5522847498

// Ellipse is the outline of the ellipse inscribed in b.
func Ellipse(b Box) Path {
	cx, cy, rx, ry := b.X+b.Width/2, b.Y+b.Height/2, b.Width/2, b.Height/2
	kx, ky := rx*kappa, ry*kappa
	return Path{
		{'M', []Point{{cx + rx, cy}}},
		{'C', []Point{{cx + rx, cy + ky}, {cx + kx, cy + ry}, {cx, cy + ry}}},
		{'C', []Point{{cx - kx, cy + ry}, {cx - rx, cy + ky}, {cx - rx, cy}}},
		{'C', []Point{{cx - rx, cy - ky}, {cx - kx, cy - ry}, {cx, cy - ry}}},
		{'C', []Point{{cx + kx, cy - ry}, {cx + rx, cy - ky}, {cx + rx, cy}}},
		{Op: 'Z'},
	}
}

// RoundRect is the outline of b with corners of radius r (0 for square).
func RoundRect(b Box, r float64) Path {
	r = math.Min(r, math.Min(b.Width, b.Height)/2)
	x0, y0, x1, y1 := b.X, b.Y, b.X+b.Width, b.Y+b.Height
	if r <= 0 {
		return Path{{'M', []Point{{x0, y0}}}, {'L', []Point{{x1, y0}}}, {'L', []Point{{x1, y1}}}, {'L', []Point{{x0, y1}}}, {Op: 'Z'}}
	}
	k := r * (1 - kappa)
	return Path{
		{'M', []Point{{x0 + r, y0}}},
		{'L', []Point{{x1 - r, y0}}},
		{'C', []Point{{x1 - k, y0}, {x1, y0 + k}, {x1, y0 + r}}},
		{'L', []Point{{x1, y1 - r}}},
		{'C', []Point{{x1, y1 - k}, {x1 - k, y1}, {x1 - r, y1}}},
		{'L', []Point{{x0 + r, y1}}},
		{'C', []Point{{x0 + k, y1}, {x0, y1 - k}, {x0, y1 - r}}},
		{'L', []Point{{x0, y0 + r}}},
		{'C', []Point{{x0, y0 + k}, {x0 + k, y0}, {x0 + r, y0}}},
		{Op: 'Z'},
	}
}

// Cloud is a cloud outline filling b: bumps along the top, a flat-ish base.
func Cloud(b Box) Path {
	x, y, w, h := b.X, b.Y, b.Width, b.Height
	at := func(fx, fy float64) Point { return Point{x + fx*w, y + fy*h} }
	return Path{
		{'M', []Point{at(0.16, 0.92)}},
		{'C', []Point{at(-0.04, 0.92), at(-0.05, 0.52), at(0.16, 0.50)}},
		{'C', []Point{at(0.12, 0.20), at(0.40, 0.06), at(0.50, 0.24)}},
		{'C', []Point{at(0.58, -0.02), at(0.90, 0.04), at(0.85, 0.38)}},
		{'C', []Point{at(1.04, 0.40), at(1.04, 0.92), at(0.84, 0.92)}},
		{Op: 'Z'},
	}
}

// Cylinder is a database drum filling b; its top rim is a separate stroke
// (see CylinderRim).
func Cylinder(b Box) Path {
	ry := math.Min(10, b.Height/6)
	x0, x1, y0, y1 := b.X, b.X+b.Width, b.Y+ry, b.Y+b.Height-ry
	kx, ky := b.Width/2*kappa, ry*kappa
	cx := b.X + b.Width/2
	return Path{
		{'M', []Point{{x0, y0}}},
		{'C', []Point{{x0, y0 - ky}, {cx - kx, y0 - ry}, {cx, y0 - ry}}},
		{'C', []Point{{cx + kx, y0 - ry}, {x1, y0 - ky}, {x1, y0}}},
		{'L', []Point{{x1, y1}}},
		{'C', []Point{{x1, y1 + ky}, {cx + kx, y1 + ry}, {cx, y1 + ry}}},
		{'C', []Point{{cx - kx, y1 + ry}, {x0, y1 + ky}, {x0, y1}}},
		{Op: 'Z'},
	}
}

// CylinderRim is the front half of a drum's top ellipse.
func CylinderRim(b Box) Path {
	ry := math.Min(10, b.Height/6)
	x0, x1, y0 := b.X, b.X+b.Width, b.Y+ry
	kx, ky := b.Width/2*kappa, ry*kappa
	cx := b.X + b.Width/2
	return Path{
		{'M', []Point{{x0, y0}}},
		{'C', []Point{{x0, y0 + ky}, {cx - kx, y0 + ry}, {cx, y0 + ry}}},
		{'C', []Point{{cx + kx, y0 + ry}, {x1, y0 + ky}, {x1, y0}}},
	}
}

// Outline is a node's frame for its shape, or nil for shapes with none.
func (n *Node) Outline() Path {
	b := n.Box()
	switch n.Shape {
	case ShapeBox, ShapeRounded, ShapeGroup:
		return RoundRect(b, n.Paint.Radius)
	case ShapeIcon:
		if Painted(n.Paint.Stroke) {
			return RoundRect(b, n.Paint.Radius) // a frame around icon and label
		}
	case ShapeEllipse:
		return Ellipse(b)
	case ShapeCircle:
		d := math.Min(b.Width, b.Height)
		return Ellipse(Box{b.X + (b.Width-d)/2, b.Y + (b.Height-d)/2, d, d})
	case ShapeCloud:
		return Cloud(b)
	case ShapeCylinder:
		return Cylinder(b)
	}
	return nil
}

// Triangle is an arrowhead's outline: from the tip back to two corners
// beside the base, each half as far from the line as the head is long
// times 0.4.
func (a *Arrow) Triangle() Path {
	dx, dy := a.Tip[0]-a.Base[0], a.Tip[1]-a.Base[1]
	l := math.Hypot(dx, dy)
	if l == 0 {
		return nil
	}
	nx, ny := -dy/l*l*0.4, dx/l*l*0.4
	return Path{
		{'M', []Point{a.Tip}},
		{'L', []Point{{a.Base[0] + nx, a.Base[1] + ny}}},
		{'L', []Point{{a.Base[0] - nx, a.Base[1] - ny}}},
		{Op: 'Z'},
	}
}

// Spline is an edge's line as a path.
func (e *Edge) Spline() Path {
	if len(e.Points) == 0 {
		return nil
	}
	p := Path{{'M', []Point{e.Points[0]}}}
	for i := 1; i+2 < len(e.Points); i += 3 {
		p = append(p, Seg{'C', []Point{e.Points[i], e.Points[i+1], e.Points[i+2]}})
	}
	return p
}
