package layouts

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/kviz/kviz/model"
	"github.com/kviz/kviz/render"
	"github.com/kviz/kviz/render/text"
)

// TestFontScale lays every testdata model out with text twice as large:
// every text is twice its size, every label still fits its box as
// measured at that size (checkGeometry), the legend's labels fit their
// rows, and the drawing grows.
func TestFontScale(t *testing.T) {
	for _, path := range models(t) {
		t.Run(name(path), func(t *testing.T) {
			m := load(t, path)
			plain, big := layout(t, m, Options{}), layout(t, m, Options{FontScale: 2})
			checkGeometry(t, big, m.Engine == "dot")
			sizes := func(sc *render.Scene) []float64 {
				var out []float64
				for _, n := range sc.Nodes {
					for _, l := range n.Lines {
						out = append(out, l.Size)
					}
				}
				for _, e := range sc.Edges {
					for _, l := range e.Lines {
						out = append(out, l.Size)
					}
				}
				for _, l := range sc.Texts {
					out = append(out, l.Size)
				}
				if sc.Legend != nil {
					for _, l := range sc.Legend.Texts {
						out = append(out, l.Size)
					}
				}
				return out
			}
			a, b := sizes(plain), sizes(big)
			if len(a) != len(b) {
				t.Fatalf("%d texts at scale 1, %d at scale 2", len(a), len(b))
			}
			for i := range a {
				if b[i] != 2*a[i] {
					t.Fatalf("text %d: %v points at scale 2, %v at scale 1", i, b[i], a[i])
				}
			}
			for _, n := range big.Nodes {
				if n.Label != "" && len(n.Lines) > 0 {
					st := text.Style{Size: n.Lines[0].Size, Bold: n.Lines[0].Bold, Fonts: big.Fonts}
					for _, l := range n.Lines {
						if w := text.Width(l.Text, st); w > n.LabelBox.Width+0.01 {
							t.Errorf("%s: line %q measures %.1f, its label box %.1f", n.ID, l.Text, w, n.LabelBox.Width)
						}
					}
				}
			}
			if len(a) > 0 && big.Width*big.Height <= plain.Width*plain.Height {
				t.Errorf("larger text, no larger drawing: %v×%v and %v×%v", big.Width, big.Height, plain.Width, plain.Height)
			}
		})
	}
}

// TestFontSizeStyle checks that a model's style: {font-size: 24} lays out
// exactly as --font-scale 2, and that the two multiply.
func TestFontSizeStyle(t *testing.T) {
	base := "title: T\nlegend: true\nnodes:\n  - {id: a, kind: api, label: API server}\n  - id: g\n    nodes: [{id: b, label: a box}]\nedges:\n  - {from: a, to: b, label: calls}\n"
	styled := strings.Replace(base, "title: T\n", "title: T\nstyle: {font-size: 24}\n", 1)
	parse := func(s string) *model.Model {
		m, err := model.Parse("m.yaml", []byte(s), model.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	same := func(a, b *render.Scene) bool {
		var x, y bytes.Buffer
		if err := render.EncodeJSON(&x, a); err != nil {
			t.Fatal(err)
		}
		if err := render.EncodeJSON(&y, b); err != nil {
			t.Fatal(err)
		}
		return bytes.Equal(x.Bytes(), y.Bytes())
	}
	if !same(layout(t, parse(styled), Options{}), layout(t, parse(base), Options{FontScale: 2})) {
		t.Error("font-size: 24 differs from --font-scale 2")
	}
	if !same(layout(t, parse(styled), Options{FontScale: 1.5}), layout(t, parse(base), Options{FontScale: 3})) {
		t.Error("font-size: 24 with --font-scale 1.5 differs from --font-scale 3")
	}
	if same(layout(t, parse(styled), Options{}), layout(t, parse(base), Options{})) {
		t.Error("font-size: 24 changed nothing")
	}
}

// TestParseCachedKeepsLatest: a font file edited again and again (a watch
// session) keeps one entry, the latest; the same bytes are parsed once.
func TestParseCachedKeepsLatest(t *testing.T) {
	thai, err := os.ReadFile("../testdata/fonts/NotoSansThai-subset.ttf")
	if err != nil {
		t.Fatal(err)
	}
	arabic, err := os.ReadFile("../testdata/fonts/NotoSansArabic-subset.ttf")
	if err != nil {
		t.Fatal(err)
	}
	const path = "edited-font-test.ttf"
	first, err := parseCached(path, thai)
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := parseCached(path, thai); &again[0] != &first[0] {
		t.Error("the same bytes were parsed twice")
	}
	before := parsed.bytes
	for i := 0; i < 10; i++ {
		data := [][]byte{thai, arabic}[i%2]
		fs, err := parseCached(path, data)
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{"Noto Sans Thai", "Noto Sans Arabic"}[i%2]; fs[0].Family != want {
			t.Fatalf("save %d: %s, want %s", i, fs[0].Family, want)
		}
	}
	if grown := parsed.bytes - before; grown != len(arabic)-len(thai) {
		t.Errorf("the cache grew by %d bytes over ten edits of one file", grown)
	}
}
