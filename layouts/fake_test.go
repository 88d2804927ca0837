package layouts

import (
	"bytes"
	"context"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kviz/kviz/internal/fakelayout"
	"github.com/kviz/kviz/internal/golden"
	"github.com/kviz/kviz/layouts/graphviz"
	"github.com/kviz/kviz/model"
	"github.com/kviz/kviz/render"
)

// These tests compose scenes from a fixed fake layout (fakelayout.Rows),
// so that what they check — measuring, composition, themes, the legend,
// the scene's contract — is kviz's own work, whatever Graphviz does.

func fake(t *testing.T, m *model.Model, o Options) *render.Scene {
	t.Helper()
	o.Placer = fakelayout.Rows{}
	sc, err := Layout(context.Background(), m, o)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// TestComposeOnFake: every model in every theme composes into a scene
// whose labels fit their boxes, members their groups, and whose legend
// and text lie in the drawing, clear of the nodes.
func TestComposeOnFake(t *testing.T) {
	for _, path := range models(t) {
		m := load(t, path)
		for _, theme := range model.Themes {
			t.Run(name(path)+"/"+theme, func(t *testing.T) {
				sc := fake(t, m, Options{Theme: theme})
				checkGeometry(t, sc, true)
				if len(sc.Edges) != len(m.Edges) {
					t.Errorf("%d edges drawn of %d", len(sc.Edges), len(m.Edges))
				}
			})
		}
	}
}

// TestEdgesOnFake: an edge keeps what the model asked for, its label box
// holds its text where the layout put the label, and its arrowheads point
// where the layout said.
func TestEdgesOnFake(t *testing.T) {
	m, err := model.Parse("m.yaml", []byte(`nodes:
  - {id: a}
  - {id: b}
edges:
  - {from: a, to: b, label: "reads from", style: dashed, arrow: open, dir: both, relation: reads}
  - {from: b, to: a}
`), model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sc := fake(t, m, Options{})
	e := sc.Edges[0]
	if e.Relation != "reads" || e.Style != "dashed" || e.Arrow != "open" || e.Dir != "both" || e.Dash == nil {
		t.Errorf("edge 0 is %q %q %q %q dash %v", e.Relation, e.Style, e.Arrow, e.Dir, e.Dash)
	}
	if e.Head == nil || e.Tail == nil || !e.Head.Open || !e.Tail.Open {
		t.Fatalf("edge 0 arrowheads %+v %+v, want two open ones", e.Head, e.Tail)
	}
	// The fake runs the line from a's bottom to b's top, through both
	// boxes: the tips go where it leaves a's outline and enters b's.
	a, b := sc.Nodes[0], sc.Nodes[1]
	if OutlineDist(Outlines(&b), e.Head.Tip) > 0.5 || OutlineDist(Outlines(&a), e.Tail.Tip) > 0.5 {
		t.Errorf("arrow tips %v %v are not on the boxes' outlines", e.Head.Tip, e.Tail.Tip)
	}
	if len(e.Lines) != 1 || e.Lines[0].Text != "reads from" || e.LabelBox.Width <= 0 {
		t.Fatalf("label %+v in %+v", e.Lines, e.LabelBox)
	}
	if lb, l := e.LabelBox, e.Lines[0]; l.X < lb.X || l.X > lb.X+lb.Width || l.Y < lb.Y || l.Y > lb.Y+lb.Height {
		t.Errorf("label text at %v,%v outside its box %+v", l.X, l.Y, lb)
	}
	if d := sc.Edges[1]; d.Style != "solid" || d.Arrow != "normal" || d.Dir != "forward" || d.Head == nil || d.Tail != nil || d.Dash != nil {
		t.Errorf("a plain edge is %q %q %q with head %v tail %v dash %v", d.Style, d.Arrow, d.Dir, d.Head, d.Tail, d.Dash)
	}
}

// TestLegendOnFake: the legend lists each kind drawn and each relation,
// in the style of its edges.
func TestLegendOnFake(t *testing.T) {
	m, err := model.Parse("m.yaml", []byte(`legend: true
nodes:
  - {id: a, kind: pod}
  - {id: b, kind: svc}
  - {id: c, kind: svc}
edges:
  - {from: b, to: a, relation: selects}
  - {from: c, to: a, relation: selects}
  - {from: a, to: c, style: dotted, relation: calls}
`), model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sc := fake(t, m, Options{})
	if sc.Legend == nil {
		t.Fatal("no legend")
	}
	var texts []string
	for _, tx := range sc.Legend.Texts {
		texts = append(texts, tx.Text)
	}
	for _, want := range []string{"Pod", "Service", "selects", "calls"} {
		if !slices.Contains(texts, want) {
			t.Errorf("the legend has %q, not %q", texts, want)
		}
	}
	if len(sc.Legend.Edges) != 2 {
		t.Fatalf("%d legend lines, want one per relation", len(sc.Legend.Edges))
	}
	if sc.Legend.Edges[0].Dash != nil || sc.Legend.Edges[1].Dash == nil {
		t.Errorf("legend lines dashed %v and %v, want solid then dotted", sc.Legend.Edges[0].Dash, sc.Legend.Edges[1].Dash)
	}
	checkGeometry(t, sc, true)
}

// TestOnlyGraphvizImportsGoGraphviz: go-graphviz stays behind one door,
// package layouts/graphviz/wasm.
func TestOnlyGraphvizImportsGoGraphviz(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to list imports with")
	}
	out, err := exec.Command(gobin, "list", "-f", `{{.ImportPath}} {{join .Imports " "}}`, "github.com/kviz/kviz/...").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, imports, _ := strings.Cut(line, " ")
		if strings.Contains(imports, "github.com/goccy/go-graphviz") && pkg != "github.com/kviz/kviz/layouts/graphviz/wasm" {
			t.Errorf("%s imports go-graphviz", pkg)
		}
	}
}

// counting is a placer that counts its calls.
type counting struct {
	fakelayout.Rows
	calls *int
}

func (c counting) Place(ctx context.Context, g *graphviz.Graph) error {
	*c.calls++
	return c.Rows.Place(ctx, g)
}

// TestLayoutDOTOnce: LayoutDOT lays out as often as Layout does (not
// once more for the DOT) and gives what DOT and Layout give apart.
func TestLayoutDOTOnce(t *testing.T) {
	m := load(t, filepath.Join("..", "testdata", "figures", "cluster.yaml"))
	calls, alone := 0, 0
	sc, dot, err := LayoutDOT(context.Background(), m, Options{Placer: counting{calls: &calls}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Layout(context.Background(), m, Options{Placer: counting{calls: &alone}}); err != nil {
		t.Fatal(err)
	}
	if calls != alone {
		t.Errorf("%d layouts, want %d as Layout", calls, alone)
	}
	want, err := DOT(m, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(dot, want) {
		t.Errorf("LayoutDOT's DOT differs from DOT's:\n%s", golden.Diff(string(want), string(dot)))
	}
	if a, b := encode(t, sc, render.EncodeJSON), encode(t, fake(t, m, Options{}), render.EncodeJSON); !bytes.Equal(a, b) {
		t.Errorf("LayoutDOT's scene differs from Layout's:\n%s", golden.Diff(string(b), string(a)))
	}
}
