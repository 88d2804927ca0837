package layouts

import (
	"math"

	"github.com/kviz/kviz/render"
)

// The tests' measure of an edge end against its shape.

// boundaryDist is the distance from p to a closed polygon's boundary.
func boundaryDist(poly []render.Point, p render.Point) float64 {
	d := math.Inf(1)
	for i, j := 0, len(poly)-1; i < len(poly); j, i = i, i+1 {
		d = math.Min(d, segDist(p, poly[j], poly[i]))
	}
	return d
}

// OutlineDist is how far p lies from the outline of the union of polys:
// 0 on it, growing both outside and inside.
func OutlineDist(polys [][]render.Point, p render.Point) float64 {
	d := math.Inf(1)
	for i, poly := range polys {
		covered := false // p is deep inside another copy: not on the union's edge
		for j, other := range polys {
			if j != i && inside(other, p) && boundaryDist(other, p) > 2 {
				covered = true
			}
		}
		if !covered {
			d = math.Min(d, boundaryDist(poly, p))
		}
	}
	return d
}
