package layouts

import (
	"slices"
	"testing"

	"github.com/kviz/kviz/render"
)

// via is an edge along the polyline pts, with a head at its last point.
func via(from, to string, pts ...render.Point) render.Edge {
	e := line(from, to, pts[len(pts)-2], pts[len(pts)-1])
	var start []render.Point
	for i := 0; i+2 < len(pts); i++ {
		if i == 0 {
			start = append(start, pts[0])
		}
		start = append(start, straightTo(pts[i], pts[i+1])...)
	}
	e.Points = append(start, e.Points[1:]...)
	return e
}

// trunkScene has three edges into the top of box n: a and b alike, c
// dashed, all three running down together, a point apart, for 150
// points; and d, alike, crossing them on its way in.
func trunkScene() *render.Scene {
	sc := &render.Scene{Nodes: []render.Node{{ID: "n", Shape: render.ShapeBox, X: 100, Y: 200, Width: 80, Height: 40}}}
	sc.Edges = append(sc.Edges,
		via("a", "n", render.Point{-100, -300}, render.Point{139, 30}, render.Point{139, 180}, render.Point{140, 200}),
		via("b", "n", render.Point{380, -300}, render.Point{140, 30}, render.Point{140, 180}, render.Point{140, 200}),
		via("c", "n", render.Point{140, -300}, render.Point{141, 30}, render.Point{141, 180}, render.Point{140, 200}),
		via("d", "n", render.Point{-200, 100}, render.Point{400, 120}, render.Point{170, 200}))
	sc.Edges[2].Style, sc.Edges[2].Dash = render.LineDashed, []float64{5, 4}
	return sc
}

// TestMergeTrunks: of edges into one node that run together, the second
// joins the first's line where they meet, and is drawn up to there; an
// edge of another look and one that only crosses are left alone. The
// overlap the readability check measures goes away, but for the edge of
// another look.
func TestMergeTrunks(t *testing.T) {
	sc := trunkScene()
	if o := overlapShare(sc); o < 0.1 {
		t.Fatalf("the check sees only %.1f%% overlap before merging", 100*o)
	}
	b0 := sc.Edges[1].Points
	mergeTrunks(sc)
	a, b := &sc.Edges[0], &sc.Edges[1]
	if a.Join != nil || sc.Edges[2].Join != nil || sc.Edges[3].Join != nil {
		t.Errorf("joins %+v %+v %+v: only b joins", a.Join, sc.Edges[2].Join, sc.Edges[3].Join)
	}
	j := b.Join
	if j == nil || j.Onto != "a->n" || j.Tail || j.Index%3 != 0 || j.Index <= 0 || j.Index >= len(b.Points)-1 {
		t.Fatalf("b's join is %+v", j)
	}
	at := b.Points[j.Index]
	if d := polyDist(flatten(a.Points), at); d > 0.01 {
		t.Errorf("the junction %v is %.2f pt off a's line", at, d)
	}
	if at[1] > 60 || at[1] < 20 {
		t.Errorf("the junction %v is not where the two lines meet, near y 30", at)
	}
	if b.Points[0] != b0[0] || *b.Head != *a.Head {
		t.Errorf("b starts at %v (was %v) and ends in %+v, a in %+v", b.Points[0], b0[0], b.Head, a.Head)
	}
	// c, another look, still runs along a: the check sees it.
	if o := overlapShare(sc); o < 0.01 {
		t.Errorf("%.1f%% overlap with c running along", 100*o)
	}
	sc.Edges = slices.Delete(sc.Edges, 2, 3)
	if o := overlapShare(sc); o > 0.01 {
		t.Errorf("%.1f%% overlap after merging, without c", 100*o)
	}
}

// TestMergeTrunksTail: edges out of one node merge at their tails.
func TestMergeTrunksTail(t *testing.T) {
	sc := trunkScene()
	for i := range sc.Edges {
		e := &sc.Edges[i]
		e.From, e.To = e.To, e.From
		e.Points = reversed(e.Points)
		e.Head, e.Tail = nil, e.Head
	}
	mergeTrunks(sc)
	j := sc.Edges[1].Join
	if j == nil || j.Onto != "n->a" || !j.Tail || j.Index%3 != 0 {
		t.Fatalf("b's join is %+v", j)
	}
	if d := polyDist(flatten(sc.Edges[0].Points), sc.Edges[1].Points[j.Index]); d > 0.01 {
		t.Errorf("the junction is %.2f pt off a's line", d)
	}
}

// TestOverlapSeesCrossingTrunk: a trunk is one line only where it is
// drawn once: without its join, the same scene measures as overlapping.
func TestOverlapSeesCrossingTrunk(t *testing.T) {
	sc := trunkScene()
	mergeTrunks(sc)
	sc.Edges[1].Join = nil
	if o := overlapShare(sc); o < 0.1 {
		t.Errorf("two lines drawn on top of each other measure %.1f%% overlap", 100*o)
	}
}

// TestJoinsOnTheirTrunks: in every test scene, an edge merged into a trunk
// keeps its whole line, which from the junction on is the line of the
// edge it joins, point for point; and some scene has trunks.
func TestJoinsOnTheirTrunks(t *testing.T) {
	joins := 0
	for name, sc := range scenes(t) {
		joins += checkJoins(t, name, sc)
	}
	if joins == 0 {
		t.Error("no test scene merges any edges")
	}
}

// TestLaterJunction: an edge that joins a trunk nearer the node than an
// earlier junction adds a point to the trunk; the earlier edge's copy of
// the trunk gets it too.
func TestLaterJunction(t *testing.T) {
	sc := trunkScene()
	sc.Edges = append(sc.Edges[:2], via("e", "n", render.Point{-300, 100}, render.Point{138, 120}, render.Point{138.5, 180}, render.Point{140, 200}))
	mergeTrunks(sc)
	if n := checkJoins(t, "later", sc); n != 2 {
		t.Errorf("%d joins, want b's and e's", n)
	}
	if e := sc.Edges[2]; e.Join == nil || e.Points[e.Join.Index][1] < 100 {
		t.Errorf("e joins %+v, not near y 130", e.Join)
	}
}

// checkJoins checks every join of sc as TestJoinsOnTheirTrunks says, and
// counts them.
func checkJoins(t *testing.T, name string, sc *render.Scene) int {
	t.Helper()
	joins := 0
	byKey := map[string]*render.Edge{}
	for i := range sc.Edges {
		byKey[render.EdgeKey(sc.Edges[i].From, sc.Edges[i].To)] = &sc.Edges[i]
	}
	for _, e := range sc.Edges {
		j := e.Join
		if j == nil {
			continue
		}
		joins++
		onto := byKey[j.Onto]
		if onto == nil || j.Index%3 != 0 {
			t.Errorf("%s: %s->%s joins %+v", name, e.From, e.To, *j)
			continue
		}
		mine, theirs := e.Points[j.Index:], onto.Points
		if j.Tail {
			mine, theirs = reversed(e.Points[:j.Index+1]), reversed(onto.Points)
		}
		k := slices.Index(theirs, mine[0])
		if k < 0 || k%3 != 0 || !slices.Equal(mine, theirs[k:]) {
			t.Errorf("%s: %s->%s leaves the line of %s at its junction %v", name, e.From, e.To, j.Onto, mine[0])
		}
	}
	return joins
}

// TestJoinGently: a line running straight up meets another heading up
// and 30° right; joined 12 points on, the curve onto it swings left and
// back round a bend of about 5 points, so it joins farther on, where
// the curve turns one way only and gently.

// TestJoinGently: a line running straight up passes 2 points beside
// where another, heading up and 30° right, crosses its way; joined 12
// points on, the curve onto it swings left and back round a bend of
// about 4.5 points, so it joins farther on, where the curve turns one
// way only and gently.
func TestJoinGently(t *testing.T) {
	d := render.Point{0.5, -0.866} // the other line's way to the node
	at := render.Point{0, -12}     // where it crosses x=0
	from, to := add(at, scale(d, -40)), add(at, scale(d, 60))
	ontoPts := append([]render.Point{from}, straightTo(from, to)...)
	mPts := append([]render.Point{{2, 40}}, straightTo(render.Point{2, 40}, render.Point{2, -80})...)
	joined := func() []render.Point {
		onto := &strand{e: &render.Edge{From: "a", To: "n"}, pts: ontoPts, flat: flatten(ontoPts)}
		m := &strand{e: &render.Edge{From: "b", To: "n"}, pts: mPts, flat: flatten(mPts)}
		if join(m, onto, 40) == nil {
			t.Fatal("no junction")
		}
		return m.pts
	}
	leads := joinLeads
	defer func() { joinLeads = leads }()
	joinLeads = leads[:1]
	if got := joined(); !hooked(fine(got, easePiece), easeTurn, easeRadius) {
		t.Fatalf("joined %v points on, the line %v does not hook: the test shows nothing", joinLead, got)
	}
	joinLeads = leads
	if got := joined(); hooked(fine(got, easePiece), easeTurn, easeRadius) {
		t.Errorf("joined line %v hooks", got)
	}
}
