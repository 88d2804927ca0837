package render

import (
	"fmt"
	"math"
	"strconv"
)

// ParsePath reads SVG path data — every command, absolute and relative,
// with smooth curves and elliptical arcs — into a Path of absolute moves,
// lines, cubic curves and closes, the only segments the encoders draw.
func ParsePath(d string) (Path, error) {
	p := &pathParser{s: d}
	if err := p.parse(); err != nil {
		return nil, fmt.Errorf("path %q: %w", clip(d), err)
	}
	return p.out, nil
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

type pathParser struct {
	s     string
	i     int
	out   Path
	cur   Point // the current point
	start Point // where the subpath began
	ctrl  Point // the last control point, for S and T
	last  byte  // the last command, upper case
}

func (p *pathParser) parse() error {
	var cmd byte
	for {
		p.skip()
		if p.i >= len(p.s) {
			return nil
		}
		c := p.s[p.i]
		switch {
		case isCommand(c):
			cmd = c
			p.i++
		case cmd == 0:
			return fmt.Errorf("a number before any command")
		case cmd == 'Z' || cmd == 'z':
			return fmt.Errorf("a number after Z")
		}
		if err := p.segment(cmd); err != nil {
			return err
		}
		// A moveto's further pairs are linetos.
		if cmd == 'M' {
			cmd = 'L'
		} else if cmd == 'm' {
			cmd = 'l'
		}
	}
}

func isCommand(c byte) bool {
	switch c {
	case 'M', 'm', 'L', 'l', 'H', 'h', 'V', 'v', 'C', 'c', 'S', 's', 'Q', 'q', 'T', 't', 'A', 'a', 'Z', 'z':
		return true
	}
	return false
}

func (p *pathParser) skip() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == ',' || p.s[p.i] == '\t' || p.s[p.i] == '\n' || p.s[p.i] == '\r') {
		p.i++
	}
}

// num reads one number: sign, digits, one point, exponent.
func (p *pathParser) num() (float64, error) {
	p.skip()
	start := p.i
	if p.i < len(p.s) && (p.s[p.i] == '+' || p.s[p.i] == '-') {
		p.i++
	}
	digits, dot := 0, false
	for p.i < len(p.s) {
		c := p.s[p.i]
		if c >= '0' && c <= '9' {
			digits++
		} else if c == '.' && !dot {
			dot = true
		} else {
			break
		}
		p.i++
	}
	if digits == 0 {
		return 0, fmt.Errorf("a number is missing at %d", start)
	}
	if p.i < len(p.s) && (p.s[p.i] == 'e' || p.s[p.i] == 'E') {
		j := p.i + 1
		if j < len(p.s) && (p.s[j] == '+' || p.s[j] == '-') {
			j++
		}
		if j < len(p.s) && p.s[j] >= '0' && p.s[j] <= '9' {
			for j < len(p.s) && p.s[j] >= '0' && p.s[j] <= '9' {
				j++
			}
			p.i = j
		}
	}
	v, err := strconv.ParseFloat(p.s[start:p.i], 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, fmt.Errorf("bad number %q", p.s[start:p.i])
	}
	return v, nil
}

// flag reads an arc flag, which may stand unseparated: "a1 1 0 011 2 2".
func (p *pathParser) flag() (bool, error) {
	p.skip()
	if p.i < len(p.s) && (p.s[p.i] == '0' || p.s[p.i] == '1') {
		p.i++
		return p.s[p.i-1] == '1', nil
	}
	return false, fmt.Errorf("an arc flag is missing at %d", p.i)
}

func (p *pathParser) nums(n int) ([]float64, error) {
	v := make([]float64, n)
	for k := range v {
		var err error
		if v[k], err = p.num(); err != nil {
			return nil, err
		}
	}
	return v, nil
}

func (p *pathParser) segment(cmd byte) error {
	rel := cmd >= 'a'
	up := cmd &^ 0x20
	at := func(x, y float64) Point {
		if rel {
			return Point{p.cur[0] + x, p.cur[1] + y}
		}
		return Point{x, y}
	}
	var err error
	var v []float64
	switch up {
	case 'Z':
		p.out = append(p.out, Seg{Op: 'Z'})
		p.cur, p.ctrl = p.start, p.start
	case 'M', 'L', 'T':
		if v, err = p.nums(2); err != nil {
			return err
		}
		q := at(v[0], v[1])
		switch up {
		case 'M':
			p.out = append(p.out, Seg{'M', []Point{q}})
			p.start = q
		case 'L':
			p.out = append(p.out, Seg{'L', []Point{q}})
		case 'T':
			c := p.reflect('Q')
			p.quad(c, q)
			p.cur, p.last = q, 'Q'
			return nil
		}
		p.cur, p.ctrl = q, q
	case 'H', 'V':
		var x float64
		if x, err = p.num(); err != nil {
			return err
		}
		q := p.cur
		k := 0
		if up == 'V' {
			k = 1
		}
		if rel {
			q[k] += x
		} else {
			q[k] = x
		}
		p.out = append(p.out, Seg{'L', []Point{q}})
		p.cur, p.ctrl = q, q
	case 'C':
		if v, err = p.nums(6); err != nil {
			return err
		}
		c1, c2, e := at(v[0], v[1]), at(v[2], v[3]), at(v[4], v[5])
		p.out = append(p.out, Seg{'C', []Point{c1, c2, e}})
		p.cur, p.ctrl = e, c2
	case 'S':
		if v, err = p.nums(4); err != nil {
			return err
		}
		c1 := p.reflect('C')
		c2, e := at(v[0], v[1]), at(v[2], v[3])
		p.out = append(p.out, Seg{'C', []Point{c1, c2, e}})
		p.cur, p.ctrl = e, c2
	case 'Q':
		if v, err = p.nums(4); err != nil {
			return err
		}
		c, e := at(v[0], v[1]), at(v[2], v[3])
		p.quad(c, e)
		p.cur = e
	case 'A':
		rs, err := p.nums(3)
		if err != nil {
			return err
		}
		large, err := p.flag()
		if err != nil {
			return err
		}
		sweep, err := p.flag()
		if err != nil {
			return err
		}
		if v, err = p.nums(2); err != nil {
			return err
		}
		e := at(v[0], v[1])
		p.arc(rs[0], rs[1], rs[2], large, sweep, e)
		p.cur, p.ctrl = e, e
	}
	p.last = up
	return nil
}

// reflect is the control point a smooth curve starts with: the previous
// curve's last control reflected about the current point, or the current
// point when the previous command was no curve of that kind.
func (p *pathParser) reflect(kind byte) Point {
	if p.last != kind {
		return p.cur
	}
	return Point{2*p.cur[0] - p.ctrl[0], 2*p.cur[1] - p.ctrl[1]}
}

// quad appends a quadratic curve, raised to a cubic.
func (p *pathParser) quad(c, e Point) {
	s := p.cur
	c1 := Point{s[0] + 2.0/3*(c[0]-s[0]), s[1] + 2.0/3*(c[1]-s[1])}
	c2 := Point{e[0] + 2.0/3*(c[0]-e[0]), e[1] + 2.0/3*(c[1]-e[1])}
	p.out = append(p.out, Seg{'C', []Point{c1, c2, e}})
	p.ctrl, p.last = c, 'Q'
}

// arc appends an elliptical arc as cubic curves, following the SVG
// specification's conversion from endpoint to centre form (appendix B.2).
func (p *pathParser) arc(rx, ry, phiDeg float64, large, sweep bool, e Point) {
	s := p.cur
	if s == e {
		return
	}
	rx, ry = math.Abs(rx), math.Abs(ry)
	if rx == 0 || ry == 0 {
		p.out = append(p.out, Seg{'L', []Point{e}})
		return
	}
	phi := phiDeg * math.Pi / 180
	cos, sin := math.Cos(phi), math.Sin(phi)
	dx, dy := (s[0]-e[0])/2, (s[1]-e[1])/2
	x1 := cos*dx + sin*dy
	y1 := -sin*dx + cos*dy
	if l := x1*x1/(rx*rx) + y1*y1/(ry*ry); l > 1 { // radii too small: scale up
		rx, ry = rx*math.Sqrt(l), ry*math.Sqrt(l)
	}
	num := rx*rx*ry*ry - rx*rx*y1*y1 - ry*ry*x1*x1
	den := rx*rx*y1*y1 + ry*ry*x1*x1
	k := math.Sqrt(math.Max(0, num/den))
	if large == sweep {
		k = -k
	}
	cx1, cy1 := k*rx*y1/ry, -k*ry*x1/rx
	cx := cos*cx1 - sin*cy1 + (s[0]+e[0])/2
	cy := sin*cx1 + cos*cy1 + (s[1]+e[1])/2
	angle := func(ux, uy, vx, vy float64) float64 {
		a := math.Atan2(ux*vy-uy*vx, ux*vx+uy*vy)
		return a
	}
	t1 := angle(1, 0, (x1-cx1)/rx, (y1-cy1)/ry)
	dt := angle((x1-cx1)/rx, (y1-cy1)/ry, (-x1-cx1)/rx, (-y1-cy1)/ry)
	if !sweep && dt > 0 {
		dt -= 2 * math.Pi
	} else if sweep && dt < 0 {
		dt += 2 * math.Pi
	}
	n := int(math.Ceil(math.Abs(dt) / (math.Pi / 2)))
	step := dt / float64(n)
	alpha := 4.0 / 3 * math.Tan(step/4)
	pt := func(t float64) (Point, Point) { // a point and its derivative
		ct, st := math.Cos(t), math.Sin(t)
		x, y := rx*ct, ry*st
		dx, dy := -rx*st, ry*ct
		return Point{cos*x - sin*y + cx, sin*x + cos*y + cy}, Point{cos*dx - sin*dy, sin*dx + cos*dy}
	}
	t := t1
	for i := 0; i < n; i++ {
		a, da := pt(t)
		b, db := pt(t + step)
		if i == n-1 {
			b = e
		}
		p.out = append(p.out, Seg{'C', []Point{
			{a[0] + alpha*da[0], a[1] + alpha*da[1]},
			{b[0] - alpha*db[0], b[1] - alpha*db[1]},
			b,
		}})
		t += step
	}
}
