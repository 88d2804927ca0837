package svg

import (
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/kviz/kviz/internal/golden"
	"github.com/kviz/kviz/layouts"
	"github.com/kviz/kviz/model"
	"github.com/kviz/kviz/render"
)

func draw(t *testing.T, path string, o layouts.Options) []byte {
	t.Helper()
	return encode(t, sceneOf(t, path, o))
}

func sceneOf(t *testing.T, path string, o layouts.Options) *render.Scene {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m, err := model.Parse(path, data, model.Options{ReadFont: golden.Beside(path)})
	if err != nil {
		t.Fatal(err)
	}
	sc, err := layouts.Layout(context.Background(), m, o)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

func encode(t *testing.T, sc *render.Scene) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Encode(&buf, sc); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var (
	symbolRe = regexp.MustCompile(`<symbol id="([^"]+)"`)
	useRe    = regexp.MustCompile(`<use [^>]*xlink:href="#([^"]+)"`)
)

// TestSymbolsDefinedOnce draws two of every kind: each icon is one symbol,
// and every <use> points at a defined one.
func TestSymbolsDefinedOnce(t *testing.T) {
	for _, theme := range model.Themes {
		out := string(draw(t, filepath.Join("..", "..", "testdata", "models", "every-kind.yaml"), layouts.Options{Theme: theme}))
		defined := map[string]int{}
		for _, m := range symbolRe.FindAllStringSubmatch(out, -1) {
			defined[m[1]]++
		}
		for id, n := range defined {
			if n != 1 {
				t.Errorf("%s: symbol %s defined %d times", theme, id, n)
			}
		}
		uses := useRe.FindAllStringSubmatch(out, -1)
		used := map[string]bool{}
		for _, m := range uses {
			if defined[m[1]] == 0 {
				t.Errorf("%s: <use> of undefined symbol %s", theme, m[1])
			}
			used[m[1]] = true
		}
		for id := range defined {
			if !used[id] {
				t.Errorf("%s: symbol %s defined but never used", theme, id)
			}
		}
		// Every leaf kind appears twice, one of the pair with replicas in
		// the control plane: far more uses than symbols.
		if len(uses) < 2*len(defined) {
			t.Errorf("%s: %d uses of %d symbols; icons are not reused", theme, len(uses), len(defined))
		}
		for _, k := range model.Kinds {
			if k.Family != model.Grouping && k.Family != model.Plain && !strings.Contains(out, `id="kviz-`+k.Name+`"`) {
				t.Errorf("%s: no symbol for %s", theme, k.Name)
			}
		}
	}
}

func TestSelfContained(t *testing.T) {
	var files []string
	for _, dir := range []string{"figures", "models"} {
		found, err := filepath.Glob(filepath.Join("..", "..", "testdata", dir, "*.yaml"))
		if err != nil || len(found) == 0 {
			t.Fatalf("found %d models in testdata/%s (%v)", len(found), dir, err)
		}
		files = append(files, found...)
	}
	for _, f := range files {
		out := draw(t, f, layouts.Options{})
		for _, bad := range []string{"<image", "url(", "xlink:href=\"http", "href=\"file:", "<script", "<foreignObject"} {
			if bytes.Contains(out, []byte(bad)) {
				t.Errorf("%s: SVG contains %q", f, bad)
			}
		}
		if err := golden.WellFormedXML(out); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

// TestEscaping puts markup into every text and attribute a model can set
// and reads it back through an XML parser: it must come out as written.
func TestEscaping(t *testing.T) {
	hostile := `</text><script>alert("x")</script> & 'q' <b>`
	sc := &render.Scene{Width: 100, Height: 100, Title: hostile, Texts: []render.Text{{Text: hostile, Size: 12, Color: "#000"}},
		Nodes: []render.Node{{ID: "a", Kind: "box", Shape: render.ShapeBox, Width: 10, Height: 10,
			Tooltip: hostile, Link: `https://e.com/?a=1&b="2"`, Lines: []render.Text{{Text: hostile, Size: 12, Color: "#000"}}}},
		Edges: []render.Edge{{From: "a", To: "a", Points: []render.Point{{0, 0}, {1, 1}, {2, 2}, {3, 3}}, Color: "#000", Width: 1,
			Lines: []render.Text{{Text: hostile, Size: 12, Color: "#000"}}}}}
	var buf bytes.Buffer
	if err := Encode(&buf, sc); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(buf.Bytes(), []byte("<script")) {
		t.Fatalf("markup came through unescaped:\n%s", buf.Bytes())
	}
	d := xml.NewDecoder(&buf)
	var texts []string // the elements each hostile text came back in
	links := 0
	var in []string // open elements
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			in = append(in, tok.Name.Local)
			for _, a := range tok.Attr {
				if a.Name.Local == "href" && tok.Name.Local == "a" {
					links++
					if a.Value != `https://e.com/?a=1&b="2"` {
						t.Errorf("link came back as %q", a.Value)
					}
				}
			}
		case xml.CharData:
			if strings.TrimSpace(string(tok)) == "" || string(tok) == "a → a" { // the edge's own title
				continue
			}
			el := "(outside the root)"
			if len(in) > 0 {
				el = in[len(in)-1]
			}
			texts = append(texts, el)
			if string(tok) != hostile {
				t.Errorf("<%s> came back as %q", el, tok)
			}
		case xml.EndElement:
			in = in[:len(in)-1]
		}
	}
	// The SVG's title, the node's tooltip (a <title>), the node label, the
	// edge label and the free text: every one read back, nothing else.
	if want := []string{"title", "title", "text", "text", "text"}; !slices.Equal(sorted(texts), sorted(want)) || links != 1 {
		t.Errorf("read back texts in %v and %d links, want %v and 1", texts, links, want)
	}
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}
