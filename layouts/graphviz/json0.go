package graphviz

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Reading Graphviz's answer: json0, the cheapest format that carries
// every position kviz needs.

// The parts of Graphviz's json0 output that kviz reads.
type output struct {
	BB      string `json:"bb"`
	Objects []struct {
		ID   int    `json:"_gvid"`
		Name string `json:"name"`
		BB   string `json:"bb"`
		LP   string `json:"lp"`
		Pos  string `json:"pos"`
	} `json:"objects"`
	Edges []struct {
		Tail int    `json:"tail"`
		Head int    `json:"head"`
		Pos  string `json:"pos"`
		LP   string `json:"lp"`
	} `json:"edges"`
}

// read copies positions from json0 into g, turning Graphviz's y-up
// coordinates into y-down ones with the origin at the drawing's top-left.
func read(g *Graph, data []byte) error {
	var out output
	if err := json.Unmarshal(data, &out); err != nil {
		return fmt.Errorf("reading graphviz output: %w", err)
	}
	bb, err := floats(out.BB, 4)
	if err != nil {
		return fmt.Errorf("graphviz bounding box: %w", err)
	}
	if out.Edges == nil && len(g.Edges) > 0 {
		return errors.New("graphviz routed no edges")
	}
	g.Width, g.Height = bb[2]-bb[0], bb[3]-bb[1]
	flip := func(x, y float64) [2]float64 { return [2]float64{x - bb[0], bb[3] - y} }
	if err := readNodes(g, &out, flip); err != nil {
		return err
	}
	return readEdges(g, &out, flip)
}

// readNodes places every box and cluster; each must be in out.
func readNodes(g *Graph, out *output, flip func(x, y float64) [2]float64) error {
	byName := map[string]*Node{}
	walk(g.Nodes, func(n *Node) { byName[n.name] = n })
	seen := map[*Node]bool{}
	for _, o := range out.Objects {
		n := byName[o.Name]
		if n == nil {
			continue
		}
		seen[n] = true
		switch {
		case n.Cluster && o.BB != "":
			r, err := floats(o.BB, 4)
			if err != nil {
				return fmt.Errorf("cluster %s: %w", n.ID, err)
			}
			tl := flip(r[0], r[3])
			n.X, n.Y, n.W, n.H = tl[0], tl[1], r[2]-r[0], r[3]-r[1]
			if lp, err := floats(o.LP, 2); err == nil {
				n.Label = flip(lp[0], lp[1])
			}
		case !n.Cluster:
			p, err := floats(o.Pos, 2)
			if err != nil {
				return fmt.Errorf("node %s: %w", n.ID, err)
			}
			c := flip(p[0], p[1])
			n.X, n.Y, n.W, n.H = c[0]-n.Width/2, c[1]-n.Height/2, n.Width, n.Height
		}
	}
	var missing error
	walk(g.Nodes, func(n *Node) {
		if missing == nil && (!seen[n] || n.Cluster && n.W == 0) {
			missing = fmt.Errorf("graphviz placed no box for %s", n.ID)
		}
	})
	return missing
}

// readEdges routes every edge, which out must hold in g's order.
func readEdges(g *Graph, out *output, flip func(x, y float64) [2]float64) error {
	if len(out.Edges) != len(g.Edges) {
		return fmt.Errorf("graphviz routed %d edges of %d", len(out.Edges), len(g.Edges))
	}
	names := map[int]string{}
	for _, o := range out.Objects {
		if o.Pos != "" {
			names[o.ID] = o.Name
		}
	}
	for i, oe := range out.Edges {
		e := g.Edges[i]
		if names[oe.Tail] != e.From.anchor().name || names[oe.Head] != e.To.anchor().name {
			return fmt.Errorf("graphviz returned edge %d out of order", i)
		}
		if err := readEdge(e, oe.Pos, oe.LP, flip); err != nil {
			return fmt.Errorf("edge %s -> %s: %w", e.From.ID, e.To.ID, err)
		}
	}
	return nil
}

// readEdge parses an edge's "pos": optional "s,x,y" and "e,x,y" arrow tips,
// then the spline's points.
func readEdge(e *Edge, pos, lp string, flip func(x, y float64) [2]float64) error {
	e.Points = nil
	for _, tok := range strings.Fields(pos) {
		tip := (*[2]float64)(nil)
		if strings.HasPrefix(tok, "e,") || strings.HasPrefix(tok, "s,") {
			p, err := floats(tok[2:], 2)
			if err != nil {
				return err
			}
			t := flip(p[0], p[1])
			tip = &t
			if tok[0] == 'e' {
				e.HeadTip = tip
			} else {
				e.TailTip = tip
			}
			continue
		}
		p, err := floats(tok, 2)
		if err != nil {
			return err
		}
		e.Points = append(e.Points, flip(p[0], p[1]))
	}
	if len(e.Points) < 4 || (len(e.Points)-1)%3 != 0 {
		return fmt.Errorf("spline of %d points", len(e.Points))
	}
	if lp != "" {
		p, err := floats(lp, 2)
		if err != nil {
			return err
		}
		e.LabelPos = flip(p[0], p[1])
	}
	if e.LabelWidth > 0 && (e.From.Cluster || e.To.Cluster) {
		// Graphviz places a compound edge's label on the unclipped spline,
		// which can be far from the line drawn: put it beside the middle.
		e.LabelPos = beside(e.Points, e.LabelWidth/2+2, e.LabelHeight/2+2)
	}
	return nil
}

// beside is the centre of a w×h label (half-sizes hw, hh) set just off a
// spline's middle, on the side up or to the right, far enough along the
// normal that the box clears the line whatever its slope.
func beside(pts [][2]float64, hw, hh float64) [2]float64 {
	segs := (len(pts) - 1) / 3
	at := float64(segs) / 2
	k := min(int(at), segs-1)
	t := at - float64(k)
	p0, p1, p2, p3 := pts[3*k], pts[3*k+1], pts[3*k+2], pts[3*k+3]
	u := 1 - t
	var mid, tan [2]float64
	for i := 0; i < 2; i++ {
		mid[i] = u*u*u*p0[i] + 3*u*u*t*p1[i] + 3*u*t*t*p2[i] + t*t*t*p3[i]
		tan[i] = 3*u*u*(p1[i]-p0[i]) + 6*u*t*(p2[i]-p1[i]) + 3*t*t*(p3[i]-p2[i])
	}
	l := math.Hypot(tan[0], tan[1])
	if l == 0 {
		return [2]float64{mid[0] + hw, mid[1]}
	}
	nx, ny := -tan[1]/l, tan[0]/l
	if ny > 0 || ny == 0 && nx < 0 { // y is down: point the normal up, or right
		nx, ny = -nx, -ny
	}
	d := math.Abs(nx)*hw + math.Abs(ny)*hh
	return [2]float64{mid[0] + nx*d, mid[1] + ny*d}
}

// floats parses n comma-separated numbers.
func floats(s string, n int) ([]float64, error) {
	parts := strings.Split(s, ",")
	if len(parts) != n {
		return nil, fmt.Errorf("want %d numbers in %q", n, s)
	}
	out := make([]float64, n)
	for i, p := range parts {
		v, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}
