package layouts

import (
	"math"

	"github.com/kviz/kviz/render"
)

// Edges must stay apart: under maxOverlap of their length may lie within
// apartTol of another edge, away from the ends they share (issue #10).
// overlapShare measures that on a laid-out scene; a dot layout over the
// limit is tried again with more room between ranks (see roomier), and the
// readability check holds every model to it.

const (
	apartTol   = 2    // points two edges must keep apart
	maxOverlap = 0.02 // share of edge length allowed within apartTol of another
	sharedEnd  = 24   // points, along an edge, near an end it shares with another edge: not overlap
	sampleStep = 1    // points between samples along an edge
)

// bounds is a polygon's bounding box.
func bounds(poly []render.Point) render.Box {
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range poly {
		x0, y0, x1, y1 = min(x0, p[0]), min(y0, p[1]), max(x1, p[0]), max(y1, p[1])
	}
	return render.Box{X: x0, Y: y0, Width: x1 - x0, Height: y1 - y0}
}

// overlapShare is the share of all edge length lying within apartTol of
// another edge, not counting the first and last sharedEnd points of an
// edge at an end node it shares with the other, nor points within
// sharedEnd of a junction both touch. It measures the lines as drawn: a
// merged trunk is one line (render.Scene.Drawn).
func overlapShare(sc *render.Scene) float64 {
	drawn := sc.Drawn()
	lines := make([][]render.Point, len(drawn))
	boxes := make([]render.Box, len(drawn))
	pieces := make([][]piece, len(drawn))
	for i := range drawn {
		lines[i] = edgeLine(&drawn[i])
		boxes[i], pieces[i] = grow(bounds(lines[i]), apartTol), cut(lines[i])
	}
	total, close := 0.0, 0.0
	for i := range drawn {
		for _, s := range samples(lines[i]) {
			total += sampleStep
			for j := range drawn {
				if j == i || !boxes[j].Contains(render.Box{X: s.p[0], Y: s.p[1]}, 0) || !closeTo(pieces[j], s.p) {
					continue
				}
				if !nearSharedEnd(&drawn[i], &drawn[j], s) && !nearJunction(&drawn[i], &drawn[j], lines[i], lines[j], s) {
					close += sampleStep
					break
				}
			}
		}
	}
	if total == 0 {
		return 0
	}
	return close / total
}

func grow(b render.Box, d float64) render.Box { return inset(b, -d) }

// piece is a stretch of a polyline and its bounding box grown by apartTol.
type piece struct {
	line []render.Point
	box  render.Box
}

// pieceLen is how many segments of a polyline a piece holds: a point is
// measured against the pieces whose box holds it, not the whole line.
const pieceLen = 16

// cut cuts a polyline into pieces, each starting where the last ends.
func cut(line []render.Point) []piece {
	var out []piece
	for k := 0; k+1 < len(line); k += pieceLen {
		l := line[k:min(k+pieceLen+1, len(line))]
		out = append(out, piece{l, grow(bounds(l), apartTol)})
	}
	return out
}

// closeTo reports whether p lies within apartTol of the pieces' line.
func closeTo(pieces []piece, p render.Point) bool {
	for _, pc := range pieces {
		if pc.box.Contains(render.Box{X: p[0], Y: p[1]}, 0) && polyDist(pc.line, p) < apartTol {
			return true
		}
	}
	return false
}

// sample is a point along an edge, with its distance from either end.
type sample struct {
	p              render.Point
	fromTail, rest float64
}

// samples walks a polyline every sampleStep points.
func samples(line []render.Point) []sample {
	length := 0.0
	for i := 1; i < len(line); i++ {
		length += math.Hypot(line[i][0]-line[i-1][0], line[i][1]-line[i-1][1])
	}
	var out []sample
	walked := 0.0
	next := sampleStep / 2.0
	for i := 1; i < len(line); i++ {
		a, b := line[i-1], line[i]
		l := math.Hypot(b[0]-a[0], b[1]-a[1])
		for ; next <= walked+l; next += sampleStep {
			f := (next - walked) / l
			out = append(out, sample{render.Point{a[0] + f*(b[0]-a[0]), a[1] + f*(b[1]-a[1])}, next, length - next})
		}
		walked += l
	}
	return out
}

func nearSharedEnd(e, o *render.Edge, s sample) bool {
	shares := func(id string) bool { return id == o.From || id == o.To }
	return s.fromTail < sharedEnd && shares(e.From) || s.rest < sharedEnd && shares(e.To)
}

// nearJunction reports whether sample s of line li lies within sharedEnd
// of the junction where edge e or edge o joins a trunk, with both lines
// touching that junction.
func nearJunction(e, o *render.Edge, li, lj []render.Point, s sample) bool {
	for _, x := range []*render.Edge{e, o} {
		if x.Join == nil {
			continue
		}
		j := x.Points[len(x.Points)-1]
		if x.Join.Tail {
			j = x.Points[0]
		}
		if math.Hypot(s.p[0]-j[0], s.p[1]-j[1]) < sharedEnd && polyDist(li, j) < apartTol && polyDist(lj, j) < apartTol {
			return true
		}
	}
	return false
}
