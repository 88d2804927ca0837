package layouts

import (
	"bytes"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/kviz/kviz/model"
	"github.com/kviz/kviz/render"
)

// keys lists a set's members, sorted.
func keys(m map[string]bool) []string {
	var out []string
	for k, v := range m {
		if v {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

const stepModel = `nodes:
  - {id: a}
  - id: g
    nodes:
      - {id: b}
      - {id: c}
      - id: h
        nodes: [{id: d}]
  - {id: e}
edges:
  - {from: a, to: b}
  - {from: b, to: c}
  - {from: c, to: d}
  - {from: a, to: e}
steps:
`

// TestStepsRules checks each rule of a build, step by step: what is
// shown, which edges, and what is dimmed.
func TestStepsRules(t *testing.T) {
	tests := []struct {
		name  string
		steps string
		nodes []string // per step, joined by spaces
		edges []string
		dim   []string // "" for no dimming
	}{
		{"a group shows its members",
			"  - {show: [g]}\n",
			[]string{"b c d g h"}, []string{"b->c c->d"}, []string{""}},
		{"but not those a later step shows",
			"  - {show: [g]}\n  - {show: [c, h]}\n",
			[]string{"b g", "b c d g h"}, []string{"", "b->c c->d"}, []string{"", ""}},
		{"a member shows its groups; edges once both ends show",
			"  - {show: [d]}\n  - {show: [a, b]}\n",
			[]string{"d g h", "a b d g h"}, []string{"", "a->b"}, []string{"", ""}},
		{"a listed edge waits for its step",
			"  - {show: [a, e]}\n  - {show: [a->e]}\n",
			[]string{"a e", "a e"}, []string{"", "a->e"}, []string{"", ""}},
		{"hide takes a group with its members, from then on",
			"  - {show: [a, g]}\n  - {hide: [h, a->b]}\n  - {show: [e]}\n",
			[]string{"a b c d g h", "a b c g", "a b c e g"}, []string{"a->b b->c c->d", "b->c", "a->e b->c"}, []string{"", "", ""}},
		{"highlight dims the rest for one step",
			"  - {show: [a, g], highlight: [h, a->b]}\n  - {show: [e]}\n",
			[]string{"a b c d g h", "a b c d e g h"}, []string{"a->b b->c c->d", "a->b a->e b->c c->d"},
			[]string{"a b b->c c c->d g", ""}},
		{"highlight shows what is not yet shown, for its step",
			"  - {show: [a], highlight: [e]}\n  - {show: [b]}\n",
			[]string{"a e", "a b g"}, []string{"a->e", "a->b"}, []string{"a a->e", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := model.Parse("m.yaml", []byte(stepModel+tt.steps), model.Options{})
			if err != nil {
				t.Fatal(err)
			}
			steps := Steps(m)
			if len(steps) != len(tt.nodes) {
				t.Fatalf("%d steps, want %d", len(steps), len(tt.nodes))
			}
			for i, st := range steps {
				if got := strings.Join(keys(st.Nodes), " "); got != tt.nodes[i] {
					t.Errorf("step %d shows %q, want %q", i+1, got, tt.nodes[i])
				}
				if got := strings.Join(keys(st.Edges), " "); got != tt.edges[i] {
					t.Errorf("step %d draws edges %q, want %q", i+1, got, tt.edges[i])
				}
				if got := strings.Join(keys(st.Dim), " "); got != tt.dim[i] {
					t.Errorf("step %d dims %q, want %q", i+1, got, tt.dim[i])
				}
			}
		})
	}
}

// TestStepsNeverMove lays out the stepped cluster figure once and draws
// each step's JSON scene: the canvas is the same size in every step, and
// every node and edge a step shows has exactly the box and points it has
// in the whole diagram.
func TestStepsNeverMove(t *testing.T) {
	m := load(t, filepath.Join("..", "testdata", "models", "cluster-steps.yaml"))
	sc := layout(t, m, Options{})
	whole := decodeScene(t, sc)
	boxes := map[string]any{}
	for _, n := range whole.Nodes {
		boxes[n.ID] = [2]any{n.Box(), n.LabelBox}
	}
	lines := map[string][]render.Point{}
	for _, e := range whole.Edges {
		lines[render.EdgeKey(e.From, e.To)] = e.Points
	}
	steps := Steps(m)
	if len(steps) != 4 {
		t.Fatalf("%d steps, want 4", len(steps))
	}
	seen := map[string]bool{}
	for i := range steps {
		at := decodeScene(t, sc.At(&steps[i]))
		if at.Width != whole.Width || at.Height != whole.Height {
			t.Errorf("step %d is %v×%v, the whole %v×%v", i+1, at.Width, at.Height, whole.Width, whole.Height)
		}
		for _, n := range at.Nodes {
			seen[n.ID] = true
			if got := ([2]any{n.Box(), n.LabelBox}); got != boxes[n.ID] {
				t.Errorf("step %d: %s at %v, in the whole at %v", i+1, n.ID, got, boxes[n.ID])
			}
		}
		for _, e := range at.Edges {
			k := render.EdgeKey(e.From, e.To)
			seen[k] = true
			if !slices.Equal(e.Points, lines[k]) {
				t.Errorf("step %d: edge %s moved", i+1, k)
			}
		}
	}
	if len(seen) != len(boxes)+len(lines) {
		t.Errorf("the steps showed %d of %d parts", len(seen), len(boxes)+len(lines))
	}
	last := decodeScene(t, sc.At(&steps[3]))
	if len(last.Nodes) != len(whole.Nodes) || len(last.Edges) != len(whole.Edges) {
		t.Errorf("the last step draws %d nodes and %d edges, the whole %d and %d",
			len(last.Nodes), len(last.Edges), len(whole.Nodes), len(whole.Edges))
	}
}

// TestStepDims checks that a dimmed part keeps its place and is painted
// nearer the background, and a bright one is painted as in the whole.
func TestStepDims(t *testing.T) {
	m := load(t, filepath.Join("..", "testdata", "models", "cluster-steps.yaml"))
	sc := layout(t, m, Options{})
	at := sc.At(&Steps(m)[3]) // highlights c-c-m and the cloud
	find := func(sc *render.Scene, id string) render.Node {
		for _, n := range sc.Nodes {
			if n.ID == id {
				return n
			}
		}
		t.Fatalf("no node %s", id)
		return render.Node{}
	}
	for _, c := range []struct {
		id  string
		dim bool
	}{{"c-c-m", false}, {"cloud", false}, {"api", true}, {"node1", true}} {
		a, b := find(sc, c.id), find(at, c.id)
		if a.Box() != b.Box() {
			t.Errorf("%s moved", c.id)
		}
		same := a.Paint.Fill == b.Paint.Fill && a.Paint.Stroke == b.Paint.Stroke
		if a.Icon != nil {
			same = a.Icon.Fill == b.Icon.Fill
		}
		if same == c.dim {
			t.Errorf("%s: dimmed %v, want %v (%+v, %+v)", c.id, !same, c.dim, a.Paint, b.Paint)
		}
	}
}

func decodeScene(t *testing.T, sc *render.Scene) *render.Scene {
	t.Helper()
	var buf bytes.Buffer
	if err := render.EncodeJSON(&buf, sc); err != nil {
		t.Fatal(err)
	}
	// The strict decoder: a step's scene must be one any tool can read
	// and draw (every icon's symbol there, faded ones too).
	out, err := render.DecodeJSON("step.json", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// FuzzSteps feeds the loader any model with steps and computes its build:
// no panic, and every step shows only nodes and edges the model has.
func FuzzSteps(f *testing.F) {
	f.Add([]byte(stepModel + "  - {show: [g], highlight: [h, a->b]}\n  - {hide: [g], show: [e]}\n"))
	f.Add([]byte(stepModel + "  - {show: [d, c->d]}\n  - {highlight: [g]}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := model.Parse("f.yaml", data, model.Options{MaxNodes: 50})
		if err != nil {
			return
		}
		edges := map[string]bool{}
		for _, e := range m.Edges {
			edges[render.EdgeKey(e.From, e.To)] = true
		}
		for i, st := range Steps(m) {
			for id := range st.Nodes {
				if m.Lookup(id) == nil {
					t.Fatalf("step %d shows %q, which is no node", i+1, id)
				}
			}
			for k := range st.Edges {
				if !edges[k] {
					t.Fatalf("step %d draws edge %q, which is no edge", i+1, k)
				}
			}
		}
	})
}
