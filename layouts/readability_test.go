package layouts

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/kviz/kviz/manifest"
	"github.com/kviz/kviz/model"
	"github.com/kviz/kviz/render"
	"github.com/kviz/kviz/render/png"
	"github.com/kviz/kviz/render/text"
)

// The readability check: on every model in testdata/ and on the kinds
// gallery, in every theme, it measures what makes a diagram unreadable or
// unpublishable (issue #10):
//
//   - ends: an edge end (its arrow's tip, or the line's end) more than
//     endTol points from the outline of the shape it belongs to;
//   - through: an edge running through a node's label, a group's title, an
//     edge label, a replica badge (its own node's too), or an unrelated
//     node's drawn shape;
//   - overlap: the share of edge length lying within apartTol points of
//     another edge, away from the ends the two share (overlapShare, which
//     the layout uses too);
//   - contrast: text under 4.5:1 (WCAG 2 AA) against what is drawn behind
//     it, computed from the scene's paints and sampled from its PNG;
//   - slanted: in a drawing with `splines: ortho`, an edge with a stretch
//     longer than slantTol points that is neither level nor upright (its
//     arrowhead not counted);
//   - kinks: in a drawing of curves (the default), an edge whose line
//     turns by more than kinkAngle at one point, or by more than bendAngle
//     round a bend tighter than bendRadius, its arrowhead included.

const (
	endTol    = 2    // points an edge end may lie off its shape's outline
	minRatio  = 4.5  // WCAG 2 AA for normal text
	textInset = 1    // points a text box is shrunk before testing crossings: grazing is not crossing
	slantTol  = 3    // points of a slanted stretch tolerated in a right-angled drawing
	levelTol  = 0.05 // points a piece may drift across its axis and still be level or upright
	kinkAngle = 30   // degrees a curve may turn at one point
	kinkPiece = 0.5  // points: pieces shorter than this are skipped when finding turns
	// A stretch turning more than bendAngle degrees round a mean radius
	// of bendRadius points or less reads as a hook, not a curve. The
	// layout bends no tighter than 8 (detourRadii, easeRadius); the hooks
	// Graphviz makes where a line leaves an icon's port sideways have a
	// radius of about 5 over 30 degrees (a little more over 45, which
	// would catch them only just).
	bendRadius = 6
	bendAngle  = 30
	bendPiece  = 0.25 // points: the length of a piece a curve is cut into to find bends
)

// report is the measures of one scene.
type report struct {
	ends, through, contrast, slanted, kinks []string
	overlap                                 float64 // share of edge length
}

func (r report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d ends off their outline, %d edges through text or nodes, %.3f%% overlapping, %d texts under %.1f:1, %d slanted stretches, %d kinks",
		len(r.ends), len(r.through), 100*r.overlap, len(r.contrast), minRatio, len(r.slanted), len(r.kinks))
	for _, l := range [][]string{r.ends, r.through, r.contrast, r.slanted, r.kinks} {
		for i, s := range l {
			if i == 8 {
				fmt.Fprintf(&b, "\n\t… %d more", len(l)-i)
				break
			}
			b.WriteString("\n\t" + s)
		}
	}
	return b.String()
}

// measure computes every measure of sc, sampling its PNG for contrast.
func measure(t testing.TB, sc *render.Scene, m *model.Model) report {
	var r report
	byID := map[string]*render.Node{}
	for i := range sc.Nodes {
		byID[sc.Nodes[i].ID] = &sc.Nodes[i]
	}
	r.ends = measureEnds(sc, byID)
	r.through = measureThrough(sc, byID)
	r.overlap = overlapShare(sc)
	r.contrast = measureContrast(t, sc, m)
	if m != nil && m.Splines == "ortho" {
		r.slanted = measureSlanted(sc)
	}
	if m == nil || m.Splines == "" || m.Splines == "curved" {
		r.kinks = measureKinks(sc)
	}
	return r
}

// measureKinks lists the edges whose line, arrowheads included, turns by
// more than kinkAngle degrees at one point, or bends by more than
// bendAngle round a bend of radius bendRadius or less: a corner or a hook
// in a drawing of curves.
func measureKinks(sc *render.Scene) []string {
	var out []string
	for i := range sc.Edges {
		e := &sc.Edges[i]
		line := edgeLine(e)
		var prev render.Point // the last piece's direction
		worst, at := 0.0, render.Point{}
		for k := 1; k < len(line); k++ {
			d := sub(line[k], line[k-1])
			l := math.Hypot(d[0], d[1])
			if l < kinkPiece {
				continue
			}
			d = render.Point{d[0] / l, d[1] / l}
			if prev != (render.Point{}) {
				if a := math.Acos(max(-1, min(1, prev[0]*d[0]+prev[1]*d[1]))) * 180 / math.Pi; a > worst {
					worst, at = a, line[k-1]
				}
			}
			prev = d
		}
		if worst > kinkAngle {
			out = append(out, fmt.Sprintf("edge %s->%s turns %.0f° at %.0f,%.0f", e.From, e.To, worst, at[0], at[1]))
		} else if r, turn, p, ok := tightBend(fineLine(e)); ok {
			out = append(out, fmt.Sprintf("edge %s->%s bends %.0f° round a radius of %.1f at %.0f,%.0f", e.From, e.To, turn, r, p[0], p[1]))
		}
	}
	return out
}

// tightBend finds the tightest stretch of line that turns by more than
// bendAngle degrees one way with a mean radius (its length over its
// turn) of bendRadius points or less: that radius, the turn in degrees
// and where the stretch starts. Stretches longer than a half-turn of
// bendRadius are not looked at.
func tightBend(line []render.Point) (radius, turn float64, at render.Point, ok bool) {
	radius = math.Inf(1)
	for i := 1; i+1 < len(line); i++ {
		length, sum := math.Hypot(line[i][0]-line[i-1][0], line[i][1]-line[i-1][1]), 0.0
		for j := i; j+1 < len(line) && length <= bendRadius*math.Pi; j++ {
			a, b := sub(line[j], line[j-1]), sub(line[j+1], line[j])
			sum += math.Atan2(a[0]*b[1]-a[1]*b[0], a[0]*b[0]+a[1]*b[1])
			length += math.Hypot(b[0], b[1])
			if t := math.Abs(sum); t > bendAngle*math.Pi/180 && length/t <= bendRadius && length/t < radius {
				radius, turn, at, ok = length/t, t*180/math.Pi, line[i-1], true
			}
		}
	}
	return radius, turn, at, ok
}

// fineLine is an edge's line, arrowheads included, in pieces of about
// bendPiece points.
func fineLine(e *render.Edge) []render.Point {
	line := fine(e.Points, bendPiece)
	if e.Tail != nil {
		line = append([]render.Point{e.Tail.Tip}, line...)
	}
	if e.Head != nil {
		line = append(line, e.Head.Tip)
	}
	return line
}

// measureSlanted lists the edges with a run of pieces, longer than
// slantTol points, that is neither level nor upright: a curve or a
// diagonal in a right-angled drawing. The arrowheads are not part of
// Points, so they are not counted.
func measureSlanted(sc *render.Scene) []string {
	var out []string
	for i := range sc.Edges {
		e := &sc.Edges[i]
		line := flatten(e.Points)
		run, worst := 0.0, 0.0
		for k := 1; k < len(line); k++ {
			dx, dy := math.Abs(line[k][0]-line[k-1][0]), math.Abs(line[k][1]-line[k-1][1])
			if dx > levelTol && dy > levelTol {
				run += math.Hypot(dx, dy)
				worst = max(worst, run)
			} else {
				run = 0
			}
		}
		if worst > slantTol {
			out = append(out, fmt.Sprintf("edge %s->%s runs %.1f pt neither level nor upright", e.From, e.To, worst))
		}
	}
	return out
}

// ends returns the two end points of an edge as drawn: arrow tips where
// there are arrows.
func ends(e *render.Edge) (tail, head render.Point) {
	tail, head = e.Points[0], e.Points[len(e.Points)-1]
	if e.Tail != nil {
		tail = e.Tail.Tip
	}
	if e.Head != nil {
		head = e.Head.Tip
	}
	return tail, head
}

func measureEnds(sc *render.Scene, byID map[string]*render.Node) []string {
	var out []string
	for i := range sc.Edges {
		e := &sc.Edges[i]
		tail, head := ends(e)
		for _, end := range []struct {
			id string
			p  render.Point
		}{{e.From, tail}, {e.To, head}} {
			n := byID[end.id]
			if d := OutlineDist(Outlines(n), end.p); d > endTol {
				out = append(out, fmt.Sprintf("edge %s->%s ends %.1f pt from %s's outline", e.From, e.To, d, end.id))
			}
		}
	}
	return out
}

// textBox is where a line of text is drawn.
func textBox(t render.Text) render.Box {
	st := text.Style{Size: t.Size, Bold: t.Bold, Italic: t.Italic}
	w := text.Width(t.Text, st)
	x := t.X
	switch t.Anchor {
	case render.AnchorMiddle:
		x -= w / 2
	case render.AnchorEnd:
		x -= w
	}
	return render.Box{X: x, Y: t.Y - text.Baseline(st), Width: w, Height: t.Size * text.LineHeight}
}

// crosses reports whether a polyline enters the box.
func crosses(line []render.Point, b render.Box) bool {
	if b.Width <= 0 || b.Height <= 0 {
		return false
	}
	poly := rect(b)
	for i := 1; i < len(line); i++ {
		a, c := line[i-1], line[i]
		if inside(poly, a) || inside(poly, c) {
			return true
		}
		// A piece may cross the box with both ends outside: test the middle points.
		for k := 1; k < 4; k++ {
			f := float64(k) / 4
			if inside(poly, render.Point{a[0] + f*(c[0]-a[0]), a[1] + f*(c[1]-a[1])}) {
				return true
			}
		}
	}
	return false
}

// obstacle is something no edge may run through.
type obstacle struct {
	what string
	box  render.Box
	node string // the node it belongs to: its edges may end on its shape
}

func obstacles(sc *render.Scene) []obstacle {
	var out []obstacle
	for i := range sc.Nodes {
		n := &sc.Nodes[i]
		if len(n.Lines) > 0 && n.LabelBox.Width > 0 {
			what := "label of " + n.ID
			if n.Group {
				what = "title of " + n.ID
			}
			out = append(out, obstacle{what: what, box: inset(n.LabelBox, textInset)})
		}
		if n.Badge != nil {
			// Drawn over the edges, its own node's too: no edge may run under it.
			out = append(out, obstacle{what: "badge of " + n.ID, box: inset(n.Badge.Box, textInset)})
		}
		if !n.Group {
			for _, poly := range Outlines(n) {
				out = append(out, obstacle{what: "node " + n.ID, box: inset(bounds(poly), endTol), node: n.ID})
			}
		}
	}
	for i := range sc.Edges {
		if e := &sc.Edges[i]; len(e.Lines) > 0 {
			// The scene's label box: the text as shaped and drawn.
			out = append(out, obstacle{what: fmt.Sprintf("label of edge %s->%s", e.From, e.To), box: inset(e.LabelBox, textInset)})
		}
	}
	return out
}

func measureThrough(sc *render.Scene, byID map[string]*render.Node) []string {
	out := straddling(sc)
	obs := obstacles(sc)
	for i := range sc.Edges {
		e := &sc.Edges[i]
		line := edgeLine(e)
		for _, o := range obs {
			if o.node == e.From || o.node == e.To {
				continue // its own end's shape: it ends on it
			}
			if o.node != "" && isAncestor(byID, o.node, e.From, e.To) {
				continue
			}
			if crosses(line, o.box) {
				out = append(out, fmt.Sprintf("edge %s->%s runs through the %s", e.From, e.To, o.what))
			}
		}
	}
	return out
}

// straddling lists edge labels that lie across a group's border: a label
// sits inside the group its edge is in, or clearly outside it.
func straddling(sc *render.Scene) []string {
	var out []string
	for i := range sc.Edges {
		e := &sc.Edges[i]
		for _, l := range e.Lines {
			b := inset(textBox(l), textInset)
			for j := range sc.Nodes {
				g := &sc.Nodes[j]
				if g.Group && g.Box().Overlaps(b, 0) && !g.Box().Contains(b, 0) {
					out = append(out, fmt.Sprintf("label of edge %s->%s lies across the border of %s", e.From, e.To, g.ID))
				}
			}
		}
	}
	return out
}

// isAncestor reports whether node id is a group holding a or b (never true
// for a leaf).
func isAncestor(byID map[string]*render.Node, id, a, b string) bool {
	for _, x := range []string{a, b} {
		for n := byID[x]; n != nil && n.Parent != ""; n = byID[n.Parent] {
			if n.Parent == id {
				return true
			}
		}
	}
	return false
}

// placed is a text with the colour the scene paints behind it.
type placed struct {
	what   string
	t      render.Text
	behind string
	owner  string // the node's id, or "edge i" for an edge's label; "" for free text
}

// placedTexts lists every text of the scene with the colour behind it: the
// background, painted over by the groups holding it (outermost first), a
// group title's plate, a painted box's fill, the legend's fill.
func placedTexts(sc *render.Scene) []placed {
	bg := or(sc.Background, "#ffffff")
	under := func(b render.Box) string {
		c := bg
		cx, cy := b.X+b.Width/2, b.Y+b.Height/2
		for i := range sc.Nodes {
			n := &sc.Nodes[i]
			if n.Group && render.Painted(n.Paint.Fill) && n.Box().Contains(render.Box{X: cx, Y: cy}, 0) {
				c = n.Paint.Fill
			}
		}
		return c
	}
	var out []placed
	for i := range sc.Nodes {
		n := &sc.Nodes[i]
		for _, t := range n.Lines {
			behind := under(textBox(t))
			switch {
			case n.Group && render.Painted(n.Plate):
				behind = n.Plate
			case !n.Group && n.Shape != render.ShapeIcon && render.Painted(n.Paint.Fill):
				behind = n.Paint.Fill
			}
			out = append(out, placed{"label of " + n.ID, t, behind, n.ID})
		}
		if b := n.Badge; b != nil {
			out = append(out, placed{"badge of " + n.ID, b.Text, b.Paint.Fill, ""})
		}
	}
	for i := range sc.Edges {
		e := &sc.Edges[i]
		for _, t := range e.Lines {
			out = append(out, placed{fmt.Sprintf("label of edge %s->%s", e.From, e.To), t, under(textBox(t)), fmt.Sprint("edge ", i)})
		}
	}
	if l := sc.Legend; l != nil {
		for _, t := range l.Texts {
			out = append(out, placed{"legend entry", t, or(l.Paint.Fill, bg), ""})
		}
	}
	for _, t := range sc.Texts {
		out = append(out, placed{"title or caption", t, bg, ""})
	}
	return out
}

// explicit lists the texts whose colour the model names: they are kept as
// written, readable or not.
func explicit(m *model.Model) map[string]bool {
	out := map[string]bool{}
	if m == nil {
		return out
	}
	m.Walk(func(n *model.Node) {
		if n.Style.Color != "" {
			out[n.ID] = true
		}
	})
	for i, e := range m.Edges {
		if e.Color != "" {
			out[fmt.Sprint("edge ", i)] = true
		}
	}
	return out
}

func measureContrast(t testing.TB, sc *render.Scene, m *model.Model) []string {
	named := explicit(m)
	img, err := png.Rasterize(sc, 1)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range placedTexts(sc) {
		if named[p.owner] || m != nil && m.Style.Color != "" {
			continue
		}
		fg, ok := render.ParseColor(p.t.Color)
		if !ok {
			out = append(out, fmt.Sprintf("%s %q: unreadable colour %q", p.what, p.t.Text, p.t.Color))
			continue
		}
		if bg, ok := render.ParseColor(p.behind); ok {
			if r := ratio(fg, bg); r < minRatio {
				out = append(out, fmt.Sprintf("%s %q: %s on %s is %.1f:1", p.what, p.t.Text, p.t.Color, p.behind, r))
				continue
			}
		}
		if bg, ok := dominant(img, textBox(p.t), fg); ok {
			if r := ratio(fg, bg); r < minRatio {
				out = append(out, fmt.Sprintf("%s %q: %s on %v in the PNG is %.1f:1", p.what, p.t.Text, p.t.Color, bg, r))
			}
		}
	}
	return out
}

// dominant is the most common pixel colour in box b of the image that is
// not the text's own colour: what the text is drawn on.
func dominant(img *image.RGBA, b render.Box, fg color.NRGBA) (color.NRGBA, bool) {
	count := map[color.NRGBA]int{}
	r := image.Rect(int(math.Ceil(b.X)), int(math.Ceil(b.Y)), int(b.X+b.Width), int(b.Y+b.Height)).Intersect(img.Bounds())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			if c.A < 255 || near(c, fg) {
				continue
			}
			count[c]++
		}
	}
	best, n := color.NRGBA{}, 0
	for c, k := range count {
		if k > n || k == n && less(c, best) {
			best, n = c, k
		}
	}
	return best, n > 0
}

func near(a, b color.NRGBA) bool {
	d := func(x, y uint8) int {
		if x > y {
			return int(x - y)
		}
		return int(y - x)
	}
	return d(a.R, b.R)+d(a.G, b.G)+d(a.B, b.B) < 24
}

func less(a, b color.NRGBA) bool {
	return a.R < b.R || a.R == b.R && (a.G < b.G || a.G == b.G && a.B < b.B)
}

// checked is a scene the check measures, and the model it was drawn from
// (nil for the kinds gallery).
type checked struct {
	sc *render.Scene
	m  *model.Model
}

// readable lists what the check covers: every testdata model in every
// theme, and the kinds gallery in every theme.
func readable(t *testing.T) map[string]checked {
	out := map[string]checked{}
	for _, path := range models(t) {
		m := load(t, path)
		for _, theme := range model.Themes {
			out[name(path)+"/"+theme] = checked{layout(t, m, Options{Theme: theme}), m}
		}
	}
	for _, theme := range model.Themes {
		sc, err := Gallery(theme)
		if err != nil {
			t.Fatal(err)
		}
		out["kinds/"+theme] = checked{sc, nil}
	}
	// The gallery's service map across (themes change colours only, which
	// the models above cover).
	sm := load(t, filepath.Join("..", "testdata", "models", "service-map.yaml"))
	out["service-map/LR"] = checked{layout(t, sm, Options{Direction: "LR"}), sm}
	// Manifests, this project's own and the shared corpus's that the
	// gallery draws (when the corpus is beside the repository).
	own, err := filepath.Glob(filepath.Join("..", "testdata", "manifests", "*.yaml"))
	if err != nil || len(own) == 0 {
		t.Fatalf("no testdata manifests (%v)", err)
	}
	sets := map[string][]string{}
	for _, f := range own {
		sets["manifests/"+name(f)] = []string{f}
	}
	sets["manifests/blog"] = yamlUnder(t, filepath.Join("..", "testdata", "manifests", "blog"))
	corpus := filepath.Join("..", "..", "shared", "corpus", "manifests")
	if _, err := os.Stat(corpus); err == nil {
		sets["corpus/microservices-demo"] = []string{filepath.Join(corpus, "microservices-demo", "kubernetes-manifests.yaml")}
		sets["corpus/bookinfo"] = []string{filepath.Join(corpus, "istio-bookinfo", "bookinfo.yaml"), filepath.Join(corpus, "istio-bookinfo", "bookinfo-ingress.yaml")}
		sets["corpus/wordpress"] = yamlUnder(t, filepath.Join(corpus, "k8s-website", "wordpress"))
		sets["corpus/tf-serving"] = yamlUnder(t, filepath.Join(corpus, "kubernetes-examples", "tf-serving"))
	}
	for k, files := range sets {
		if m := fromManifests(t, files...); m != nil {
			out[k] = checked{layout(t, m, Options{}), m}
		}
	}
	return out
}

// yamlUnder lists the YAML files in dir.
func yamlUnder(t *testing.T, dir string) []string {
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no YAML in %s (%v)", dir, err)
	}
	return files
}

// fromManifests is the model kviz draws for some manifest files; nil for
// files that hold no objects or that kviz refuses (they draw nothing).
func fromManifests(t *testing.T, files ...string) *model.Model {
	var objs []*manifest.Object
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		got, err := manifest.Read(f, data)
		if err != nil {
			return nil
		}
		objs = append(objs, got...)
	}
	if len(objs) == 0 {
		return nil
	}
	data, err := manifest.Build(objs, manifest.Options{}).YAML()
	if err != nil {
		t.Fatal(err)
	}
	m, err := model.Parse("model.yaml", data, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// budget is what a scene is still allowed while issue #10 is being worked
// on: known faults, each to be brought to zero (overlap under maxOverlap).
// A scene not listed has none. The check fails when a scene exceeds its
// budget, and also when it does better, so that the budget only shrinks.
type budget struct {
	ends, through, contrast, slanted, kinks int
	overlap                                 float64 // share of edge length, over maxOverlap
}

var known = map[string]budget{}

// TestReadability fails on any measure over its limit.
func TestReadability(t *testing.T) {
	scenes := readable(t)
	keys := make([]string, 0, len(scenes))
	for k := range scenes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		r := measure(t, scenes[k].sc, scenes[k].m)
		got := budget{len(r.ends), len(r.through), len(r.contrast), len(r.slanted), len(r.kinks), 0}
		if r.overlap >= maxOverlap {
			got.overlap = math.Ceil(r.overlap*1000) / 1000
		}
		want := known[k]
		if want != (budget{}) {
			t.Logf("%s, known faults: %v", k, r) // go test -v lists them
		}
		switch {
		case got.ends > want.ends || got.through > want.through || got.contrast > want.contrast || got.slanted > want.slanted || got.kinks > want.kinks || got.overlap > want.overlap:
			t.Errorf("%s: %v", k, r)
		case got != want:
			t.Errorf("%s does better than its known faults: make its budget %+v", k, got)
		}
	}
}
