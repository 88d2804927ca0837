package render

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// StackOffset is how far, in points, each copy of a replicated icon sits
// up and to the right of the one in front of it. Three copies are drawn.
const StackOffset = 5

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

// ParsePath reads SVG path data restricted to absolute M, L, H, V, C, Q and
// Z, the subset kviz's icons are written in. Q is raised to C.
func ParsePath(d string) (Path, error) {
	toks := tokens(d)
	var p Path
	var cur, start Point
	i := 0
	num := func() (float64, error) {
		if i >= len(toks) {
			return 0, fmt.Errorf("path %q ends early", d)
		}
		v, err := strconv.ParseFloat(toks[i], 64)
		i++
		return v, err
	}
	pt := func() (Point, error) {
		x, err := num()
		if err != nil {
			return Point{}, err
		}
		y, err := num()
		return Point{x, y}, err
	}
	var op byte
	for i < len(toks) {
		if t := toks[i]; len(t) == 1 && strings.Contains("MLHVCQZ", t) {
			op = t[0]
			i++
		} else if op == 0 || op == 'Z' {
			return nil, fmt.Errorf("path %q: number without a command", d)
		}
		var err error
		switch op {
		case 'M', 'L':
			var q Point
			if q, err = pt(); err == nil {
				p = append(p, Seg{op, []Point{q}})
				cur = q
				if op == 'M' {
					start = q
					op = 'L' // further pairs are lines
				}
			}
		case 'H', 'V':
			var v float64
			if v, err = num(); err == nil {
				q := Point{v, cur[1]}
				if op == 'V' {
					q = Point{cur[0], v}
				}
				p = append(p, Seg{'L', []Point{q}})
				cur = q
			}
		case 'C':
			var a, b, c Point
			if a, err = pt(); err == nil {
				if b, err = pt(); err == nil {
					if c, err = pt(); err == nil {
						p = append(p, Seg{'C', []Point{a, b, c}})
						cur = c
					}
				}
			}
		case 'Q':
			var c, e Point
			if c, err = pt(); err == nil {
				if e, err = pt(); err == nil {
					c1 := Point{cur[0] + 2.0/3*(c[0]-cur[0]), cur[1] + 2.0/3*(c[1]-cur[1])}
					c2 := Point{e[0] + 2.0/3*(c[0]-e[0]), e[1] + 2.0/3*(c[1]-e[1])}
					p = append(p, Seg{'C', []Point{c1, c2, e}})
					cur = e
				}
			}
		case 'Z':
			p = append(p, Seg{Op: 'Z'})
			cur = start
		}
		if err != nil {
			return nil, fmt.Errorf("path %q: %w", d, err)
		}
	}
	return p, nil
}

// tokens splits path data into command letters and numbers.
func tokens(d string) []string {
	var out []string
	for i := 0; i < len(d); {
		c := d[i]
		switch {
		case c == ' ' || c == ',' || c == '\n' || c == '\t' || c == '\r':
			i++
		case c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z':
			out = append(out, d[i:i+1])
			i++
		default:
			j := i + 1
			for j < len(d) && (d[j] >= '0' && d[j] <= '9' || d[j] == '.' || d[j] == 'e') {
				j++
			}
			out = append(out, d[i:j])
			i = j
		}
	}
	return out
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
