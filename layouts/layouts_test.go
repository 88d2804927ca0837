package layouts

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/kviz/kviz/internal/golden"
	"github.com/kviz/kviz/model"
	"github.com/kviz/kviz/render"
	"github.com/kviz/kviz/render/svg"
)

// models lists every testdata model.
func models(t testing.TB) []string {
	var out []string
	for _, dir := range []string{"figures", "models", "fonts"} {
		files, err := filepath.Glob(filepath.Join("..", "testdata", dir, "*.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, files...)
	}
	if len(out) == 0 {
		t.Fatal("no testdata models")
	}
	return out
}

func load(t testing.TB, path string) *model.Model {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := model.Load(path, f, model.Options{ReadFont: golden.Beside(path)})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func layout(t testing.TB, m *model.Model, o Options) *render.Scene {
	t.Helper()
	sc, err := Layout(context.Background(), m, o)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

func encode(t testing.TB, sc *render.Scene, enc func(io.Writer, *render.Scene) error) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := enc(&buf, sc); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func name(path string) string { return strings.TrimSuffix(filepath.Base(path), ".yaml") }

func TestGolden(t *testing.T) {
	for _, path := range models(t) {
		t.Run(name(path), func(t *testing.T) {
			m := load(t, path)
			sc := layout(t, m, Options{})
			out := filepath.Join("..", "testdata", "golden", name(path))
			golden.Check(t, out+".svg", encode(t, sc, svg.Encode))
			golden.Check(t, out+".json", encode(t, sc, render.EncodeJSON))
			dot, err := DOT(m, Options{})
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, out+".dot", dot)
		})
	}
}

// TestGoldenThemes keeps an SVG golden of every icon (two of every kind)
// and of the cluster figure in each theme.
func TestGoldenThemes(t *testing.T) {
	for _, name := range []string{"models/every-kind", "figures/cluster"} {
		m := load(t, filepath.Join("..", "testdata", name+".yaml"))
		for _, theme := range model.Themes {
			sc := layout(t, m, Options{Theme: theme})
			golden.Check(t, filepath.Join("..", "testdata", "golden", "themes", filepath.Base(name)+"-"+theme+".svg"), encode(t, sc, svg.Encode))
		}
	}
	for _, theme := range model.Themes {
		sc, err := Gallery(theme)
		if err != nil {
			t.Fatal(err)
		}
		checkGeometry(t, sc, true)
		golden.Check(t, filepath.Join("..", "testdata", "golden", "themes", "kinds-"+theme+".svg"), encode(t, sc, svg.Encode))
	}
}

// checkGeometry asserts that labels lie inside their boxes, members inside
// their groups, and that no two siblings overlap.
func checkGeometry(t *testing.T, sc *render.Scene, siblings bool) {
	t.Helper()
	const eps = 0.01 // rounding of Graphviz's output, in points
	byID := map[string]*render.Node{}
	for i := range sc.Nodes {
		byID[sc.Nodes[i].ID] = &sc.Nodes[i]
	}
	whole := render.Box{Width: sc.Width, Height: sc.Height}
	for i := range sc.Nodes {
		n := &sc.Nodes[i]
		if !whole.Contains(n.Box(), eps) {
			t.Errorf("%s %+v lies outside the drawing %vx%v", n.ID, n.Box(), sc.Width, sc.Height)
		}
		if n.Label != "" && !n.Box().Contains(n.LabelBox, eps) {
			t.Errorf("label of %s %+v overflows its box %+v", n.ID, n.LabelBox, n.Box())
		}
		if n.Parent != "" && !byID[n.Parent].Box().Contains(n.Box(), eps) {
			t.Errorf("%s %+v lies outside its group %s %+v", n.ID, n.Box(), n.Parent, byID[n.Parent].Box())
		}
		if !siblings {
			continue
		}
		for j := i + 1; j < len(sc.Nodes); j++ {
			o := &sc.Nodes[j]
			if o.Parent == n.Parent && n.Box().Overlaps(o.Box(), eps) {
				t.Errorf("siblings %s %+v and %s %+v overlap", n.ID, n.Box(), o.ID, o.Box())
			}
			if o.Parent == n.Parent && n.Group && n.Box().Overlaps(o.LabelBox, eps) && o.Label != "" {
				t.Errorf("group %s covers the label of %s", n.ID, o.ID)
			}
		}
	}
	if sc.Legend != nil {
		for i := range sc.Nodes {
			if n := &sc.Nodes[i]; n.Parent == "" && n.Box().Overlaps(sc.Legend.Box, eps) {
				t.Errorf("the legend overlaps %s", n.ID)
			}
		}
		if !whole.Contains(sc.Legend.Box, eps) {
			t.Errorf("the legend lies outside the drawing")
		}
	}
	for _, tx := range sc.Texts {
		if tx.Y > sc.Height || tx.Y < 0 {
			t.Errorf("text %q at y %v lies outside the drawing", tx.Text, tx.Y)
		}
	}
}

func TestGeometry(t *testing.T) {
	for _, path := range models(t) {
		m := load(t, path)
		for _, theme := range model.Themes {
			t.Run(name(path)+"/"+theme, func(t *testing.T) {
				checkGeometry(t, layout(t, m, Options{Theme: theme}), m.Engine == "dot")
			})
		}
	}
}

func TestDirectionsAndEngines(t *testing.T) {
	nested := load(t, filepath.Join("..", "testdata", "models", "nested.yaml"))
	for _, dir := range model.Directions {
		t.Run("dot/"+dir, func(t *testing.T) {
			sc := layout(t, nested, Options{Direction: dir})
			checkGeometry(t, sc, true)
		})
	}
	for _, engine := range []string{"fdp", "osage"} {
		t.Run(engine+"/groups", func(t *testing.T) {
			checkGeometry(t, layout(t, nested, Options{Engine: engine}), true)
		})
	}
	for _, engine := range []string{"neato", "circo", "twopi"} {
		t.Run(engine+"/groups", func(t *testing.T) {
			_, err := Layout(context.Background(), nested, Options{Engine: engine})
			if err == nil || !strings.Contains(err.Error(), "layout "+engine+" does not draw groups") {
				t.Errorf("got %v", err)
			}
		})
	}
	small := load(t, filepath.Join("..", "testdata", "models", "engines.yaml"))
	for _, engine := range model.Engines {
		t.Run(engine, func(t *testing.T) {
			sc := layout(t, small, Options{Engine: engine})
			checkGeometry(t, sc, true)
			if len(sc.Edges) != len(small.Edges) {
				t.Errorf("%d edges drawn of %d", len(sc.Edges), len(small.Edges))
			}
		})
	}
}

func TestThemeChangesNoGeometry(t *testing.T) {
	m := load(t, filepath.Join("..", "testdata", "figures", "cluster.yaml"))
	want := geometry(layout(t, m, Options{}))
	for _, theme := range model.Themes {
		if got := geometry(layout(t, m, Options{Theme: theme})); got != want {
			t.Errorf("theme %s moves things:\n%s", theme, golden.Diff(want, got))
		}
	}
}

// geometry lists where a scene puts things, and none of its colours.
func geometry(sc *render.Scene) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%vx%v\n", sc.Width, sc.Height)
	nodes, edges, texts := sc.Nodes, sc.Edges, sc.Texts
	if l := sc.Legend; l != nil {
		fmt.Fprintf(&b, "legend %v\n", l.Box)
		nodes, edges, texts = append(slices.Clip(nodes), l.Nodes...), append(slices.Clip(edges), l.Edges...), append(slices.Clip(texts), l.Texts...)
	}
	for _, n := range nodes {
		fmt.Fprintf(&b, "node %s %v %v\n", n.ID, n.Box(), n.LabelBox)
		if n.Icon != nil {
			fmt.Fprintf(&b, "  icon %v\n", n.Icon.Box)
		}
		texts = append(slices.Clip(texts), n.Lines...)
	}
	for _, e := range edges {
		fmt.Fprintf(&b, "edge %s %s %v %v\n", e.From, e.To, e.Points, e.LabelBox)
		texts = append(slices.Clip(texts), e.Lines...)
	}
	for _, t := range texts {
		fmt.Fprintf(&b, "text %q %v %v %v\n", t.Text, t.X, t.Y, t.Size)
	}
	return b.String()
}

func TestDeterministic(t *testing.T) {
	for _, path := range models(t) {
		m := load(t, path)
		a := encode(t, layout(t, m, Options{}), svg.Encode)
		b := encode(t, layout(t, load(t, path), Options{}), svg.Encode)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two renders differ:\n%s", path, golden.Diff(string(a), string(b)))
		}
	}
}

func FuzzRender(f *testing.F) {
	for _, s := range []string{
		"nodes: [{id: a, label: \"<script>alert(1)</script>\"}]",
		"title: \"a & b\"\nnodes: [{id: a, kind: api, replicas: 3}, {id: b, nodes: [{id: c}]}]\nedges: [{from: a, to: b, label: \"x\\\"y\"}]",
		"legend: true\nnodes: [{id: a, kind: pod}, {id: b, kind: svc}]\nedges: [{from: a, to: b, dir: both, style: dotted}]",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := model.Parse("f.yaml", data, model.Options{MaxNodes: 30})
		if err != nil {
			return
		}
		sc, err := Layout(context.Background(), m, Options{})
		if err != nil && strings.Contains(err.Error(), "does not draw groups") {
			return // refused on purpose: neato, circo and twopi ignore groups
		}
		if err != nil {
			t.Fatalf("valid model failed to lay out: %v", err)
		}
		var buf bytes.Buffer
		if err := svg.Encode(&buf, sc); err != nil {
			t.Fatal(err)
		}
		if err := golden.WellFormedXML(buf.Bytes()); err != nil {
			t.Fatalf("SVG is not well-formed: %v\n%s", err, buf.Bytes())
		}
		if bytes.Contains(buf.Bytes(), []byte("<script")) {
			t.Fatalf("model text reached the SVG unescaped")
		}
	})
}

// TestTextReadableOnModelBackground: a model's own light background keeps
// dark text even in the dark theme.
func TestTextReadableOnModelBackground(t *testing.T) {
	m := load(t, filepath.Join("..", "testdata", "figures", "choreography.yaml"))
	for _, theme := range model.Themes {
		sc := layout(t, m, Options{Theme: theme})
		for _, tx := range sc.Texts {
			if contrast(tx.Color, sc.Background) < minContrast {
				t.Errorf("%s: %q in %s on %s", theme, tx.Text, tx.Color, sc.Background)
			}
		}
	}
}

// TestParallel lays out every testdata model from several goroutines at
// once: go-graphviz is not safe for concurrent use, and kviz's one mutex
// must make this both race-free (go test -race) and correct.
func TestParallel(t *testing.T) {
	paths := models(t)
	want := map[string][]byte{}
	data := map[string][]byte{}
	for _, p := range paths {
		want[p] = encode(t, layout(t, load(t, p), Options{}), render.EncodeJSON)
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		data[p] = b
	}
	// The goroutines report through errs: t.Fatal may only be called from
	// the test's own goroutine.
	var wg sync.WaitGroup
	errs := make(chan string, 4*len(paths))
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, p := range paths {
				if err := parallelOne(p, data[p], want[p]); err != nil {
					errs <- p + ": " + err.Error()
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// parallelOne loads, lays out and encodes one model, and compares the
// JSON with want.
func parallelOne(path string, data, want []byte) error {
	m, err := model.Parse(path, data, model.Options{ReadFont: golden.Beside(path)})
	if err != nil {
		return err
	}
	sc, err := Layout(context.Background(), m, Options{})
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := render.EncodeJSON(&buf, sc); err != nil {
		return err
	}
	if !bytes.Equal(buf.Bytes(), want) {
		return errors.New("differs when laid out in parallel")
	}
	return nil
}

// TestCancelledBeforeStart: a cancelled context stops a layout before
// Graphviz starts, never during (that would break go-graphviz for good).
func TestCancelledBeforeStart(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	m := load(t, filepath.Join("..", "testdata", "figures", "cluster.yaml"))
	if _, err := Layout(ctx, m, Options{}); err == nil {
		t.Fatal("a cancelled layout succeeded")
	}
	// Graphviz still works afterwards.
	layout(t, m, Options{})
}

// TestTextReadableOnPaintedBox: a box the model fills dark gets light text,
// and a light cloud dark text, unless the model names a colour.
func TestTextReadableOnPaintedBox(t *testing.T) {
	m, err := model.Parse("m.yaml", []byte(`nodes:
  - {id: dark, label: Dark, style: {fill: "#202020"}}
  - {id: light, label: Light, kind: cloud, style: {fill: "#fff3c4"}}
  - {id: chosen, label: Chosen, style: {fill: "#202020", color: "#ff0000"}}
`), model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, theme := range model.Themes {
		for _, n := range layout(t, m, Options{Theme: theme}).Nodes {
			got := n.Lines[0].Color
			switch {
			case n.ID == "chosen" && got != "#ff0000":
				t.Errorf("%s: the model's text colour became %s", theme, got)
			case n.ID != "chosen" && contrast(got, n.Paint.Fill) < minContrast:
				t.Errorf("%s in %s: text %s on %s", n.ID, theme, got, n.Paint.Fill)
			}
		}
	}
}
