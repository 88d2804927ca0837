package layouts

import (
	"math"
	"sync"

	"github.com/kviz/kviz/render"
	"github.com/kviz/kviz/render/icon"
)

// Plane geometry on the laid-out scene: the outlines that edges end on,
// and the polylines that approximate splines. Points, y down.

// curveSteps is how many straight pieces approximate one cubic segment:
// Graphviz's segments are at most a few hundred points long, so a piece is
// a few points, well under the 2-point tolerances the checks work to.
const curveSteps = 24

// bezier is the point at t on the cubic p0..p3.
func bezier(p0, p1, p2, p3 render.Point, t float64) render.Point {
	u := 1 - t
	a, b, c, d := u*u*u, 3*u*u*t, 3*u*t*t, t*t*t
	return render.Point{a*p0[0] + b*p1[0] + c*p2[0] + d*p3[0], a*p0[1] + b*p1[1] + c*p2[1] + d*p3[1]}
}

// flatten turns a cubic Bézier spline (start, then three points a segment)
// into a polyline through curveSteps points a segment.
func flatten(pts []render.Point) []render.Point {
	if len(pts) == 0 {
		return nil
	}
	out := []render.Point{pts[0]}
	for i := 0; i+3 < len(pts); i += 3 {
		for k := 1; k <= curveSteps; k++ {
			out = append(out, bezier(pts[i], pts[i+1], pts[i+2], pts[i+3], float64(k)/curveSteps))
		}
	}
	return out
}

// polygons flattens a path into closed polygons, one per subpath.
func polygons(p render.Path) [][]render.Point {
	var out [][]render.Point
	var cur []render.Point
	flush := func() {
		if len(cur) > 2 {
			out = append(out, cur)
		}
		cur = nil
	}
	for _, s := range p {
		switch s.Op {
		case 'M':
			flush()
			cur = []render.Point{s.Pts[0]}
		case 'L':
			cur = append(cur, s.Pts[0])
		case 'C':
			if len(cur) == 0 {
				continue
			}
			last := cur[len(cur)-1]
			for k := 1; k <= curveSteps; k++ {
				cur = append(cur, bezier(last, s.Pts[0], s.Pts[1], s.Pts[2], float64(k)/curveSteps))
			}
		case 'Z':
			flush()
		}
	}
	flush()
	return out
}

// rect is a box as a polygon.
func rect(b render.Box) []render.Point {
	return []render.Point{{b.X, b.Y}, {b.X + b.Width, b.Y}, {b.X + b.Width, b.Y + b.Height}, {b.X, b.Y + b.Height}}
}

// Outlines returns the polygons of what is drawn for a node, the shape an
// edge to it must end on: an icon's badge (a Kubernetes heptagon, a
// rounded square; three offset copies for replicas), a framed icon's
// frame, a box's or a group's border, a text node's label box.
func Outlines(n *render.Node) [][]render.Point {
	if n.Shape == render.ShapeIcon && n.Icon != nil && !render.Painted(n.Paint.Stroke) {
		front := badge(n.Icon)
		out := [][]render.Point{front}
		if n.Icon.Replicas {
			for k := 1; k <= 2; k++ {
				d := float64(k * render.StackOffset)
				cp := make([]render.Point, len(front))
				for i, p := range front {
					cp[i] = render.Point{p[0] + d, p[1] - d}
				}
				out = append(out, cp)
			}
		}
		return out
	}
	if p := n.Outline(); p != nil {
		return polygons(p)
	}
	if n.Shape == render.ShapeText && n.LabelBox.Width > 0 {
		return [][]render.Point{rect(n.LabelBox)}
	}
	return [][]render.Point{rect(n.Box())}
}

// badge is the outline of an icon's body, its first element when that is
// a body-coloured path (every catalogue icon), scaled into the icon's box;
// otherwise the box itself.
func badge(ic *render.Icon) []render.Point {
	def := icon.Lookup(ic.Name)
	if def != nil && len(def.Elements) > 0 {
		el := def.Elements[0]
		if el.Op == icon.Path && el.Fill == icon.Body {
			if p, err := parsedBadge(el.D); err == nil {
				if ps := polygons(p); len(ps) > 0 {
					u := ic.Box.Width / 100
					out := make([]render.Point, len(ps[0]))
					for i, q := range ps[0] {
						out[i] = render.Point{ic.Box.X + q[0]*u, ic.Box.Y + q[1]*u}
					}
					return out
				}
			}
		}
	}
	return rect(ic.Box)
}

var (
	badgeMu    sync.Mutex
	badgePaths = map[string]render.Path{}
)

// parsedBadge is an icon body's path data parsed, kept for the next edge.
func parsedBadge(d string) (render.Path, error) {
	badgeMu.Lock()
	defer badgeMu.Unlock()
	if p, ok := badgePaths[d]; ok {
		return p, nil
	}
	p, err := render.ParsePath(d)
	if err == nil {
		badgePaths[d] = p
	}
	return p, err
}

// inside reports whether p lies inside the polygon (even-odd rule).
func inside(poly []render.Point, p render.Point) bool {
	in := false
	for i, j := 0, len(poly)-1; i < len(poly); j, i = i, i+1 {
		a, b := poly[i], poly[j]
		if (a[1] > p[1]) != (b[1] > p[1]) && p[0] < (b[0]-a[0])*(p[1]-a[1])/(b[1]-a[1])+a[0] {
			in = !in
		}
	}
	return in
}

// segDist is the distance from p to the segment a-b.
func segDist(p, a, b render.Point) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	l2 := dx*dx + dy*dy
	t := 0.0
	if l2 > 0 {
		t = math.Max(0, math.Min(1, ((p[0]-a[0])*dx+(p[1]-a[1])*dy)/l2))
	}
	return math.Hypot(p[0]-a[0]-t*dx, p[1]-a[1]-t*dy)
}

// insideAny reports whether p lies in any of polys.
func insideAny(polys [][]render.Point, p render.Point) bool {
	for _, poly := range polys {
		if inside(poly, p) {
			return true
		}
	}
	return false
}

// inset is b shrunk by d points on every side (grown, for negative d).
func inset(b render.Box, d float64) render.Box {
	return render.Box{X: b.X + d, Y: b.Y + d, Width: b.Width - 2*d, Height: b.Height - 2*d}
}
