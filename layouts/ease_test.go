package layouts

import (
	"slices"
	"testing"

	"github.com/kviz/kviz/render"
)

// hookLine is Graphviz's line out of microservices-demo's frontend icon
// to its service account: out of the right side at y=525, heading right,
// then diving down round a bend of about 5 points.
var hookLine = []render.Point{{421.77, 525}, {447.76, 525}, {430.27, 734.7}, {441.77, 758},
	{462.03, 799.05}, {508.4, 827.678}, {539.92, 843.238}}

// hookNode is a box whose right side the line leaves from.
var hookNode = render.Node{ID: "n", Shape: render.ShapeBox, X: 380, Y: 500, Width: 41.77, Height: 50}

// TestEaseEnd: an end that hooks is re-drawn from the same tip, arrowhead
// or not, without the hook and joining the same line farther on; an end
// that does not hook is left alone.
func TestEaseEnd(t *testing.T) {
	n := hookNode
	if _, _, _, ok := tightBend(fine(hookLine, bendPiece)); !ok {
		t.Fatal("the test line does not hook")
	}
	got, a := easeEnd(hookLine, nil, &n)
	if a != nil || got[0] != hookLine[0] || got[len(got)-1] != hookLine[len(hookLine)-1] {
		t.Errorf("eased line %v (arrow %v): want it from %v to %v, no arrow", got, a, hookLine[0], hookLine[len(hookLine)-1])
	}
	if r, turn, at, ok := tightBend(fine(got, bendPiece)); ok {
		t.Errorf("eased line %v still bends %.0f° round %.1f at %v", got, turn, r, at)
	}
	if enters(fine(got, bendPiece)[1:], Outlines(&n)) {
		t.Errorf("eased line %v goes into its node", got)
	}

	// With an arrowhead out of the node: the tip stays, the head turns
	// with the line.
	arrow := &render.Arrow{Tip: hookLine[0], Base: render.Point{hookLine[0][0] + arrowLen, hookLine[0][1]}}
	withHead := append([]render.Point{arrow.Base, {arrow.Base[0] + 8, 525}}, hookLine[2:]...)
	got, a = easeEnd(withHead, arrow, &n)
	if a == nil || a.Tip != arrow.Tip {
		t.Fatalf("eased arrow %v: want its tip at %v", a, arrow.Tip)
	}
	e := render.Edge{Points: got, Tail: a}
	if r, turn, at, ok := tightBend(fineLine(&e)); ok {
		t.Errorf("eased line %v with arrow %v still bends %.0f° round %.1f at %v", got, a, turn, r, at)
	}

	// A line that leaves as it goes on is not touched.
	straight := []render.Point{{421.77, 525}, {480, 530}, {540, 560}, {600, 600}}
	if got, _ := easeEnd(straight, nil, &n); !slices.Equal(got, straight) {
		t.Errorf("a gentle line was re-drawn: %v", got)
	}
}
