package layouts

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/kviz/kviz/internal/golden"
	"github.com/kviz/kviz/model"
	"github.com/kviz/kviz/render"
	"github.com/kviz/kviz/render/pdf"
	"github.com/kviz/kviz/render/png"
	"github.com/kviz/kviz/render/svg"
	"github.com/kviz/kviz/render/text"
)

// logo is an icon file of two colourings' worth: its own colours stay.
const logo = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="#e34c26"/><path d="M2 5h6" stroke="navy"/></svg>`

// withIconFile is a model with a file icon, a catalogue icon in two
// colourings, replicas, and a legend.
func withIconFile(t testing.TB) *model.Model {
	t.Helper()
	m, err := model.Parse("m.yaml", []byte(`legend: true
nodes:
  - {id: a, kind: service, icon: logo.svg, label: Logo}
  - {id: b, kind: pod, replicas: 3}
  - {id: c, kind: pod, style: {fill: "#aa0000"}}
edges:
  - {from: a, to: [b, c], label: uses, relation: uses}
`), model.Options{ReadIcon: func(string) ([]byte, error) { return []byte(logo), nil }})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// scenes is every scene the tests draw: the testdata models, the gallery,
// and a model with an icon file.
func scenes(t *testing.T) map[string]*render.Scene {
	out := map[string]*render.Scene{"icon-file": layout(t, withIconFile(t), Options{})}
	for _, path := range models(t) {
		out[name(path)] = layout(t, load(t, path), Options{})
	}
	gallery, err := Gallery("kubernetes")
	if err != nil {
		t.Fatal(err)
	}
	out["gallery"] = gallery
	// Fonts named with --font that draw nothing, and a family whose first
	// font draws nothing before another: the JSON leaves out what draws
	// nothing, and its scene still draws the same.
	extra := Options{Fonts: testFonts(t, "NotoSansSC-Bold-subset.otf", "NotoSansJP-subset.otf", "NotoSansThai-subset.ttf")}
	out["extra-fonts"] = layout(t, load(t, "../testdata/fonts/cluster-zh.yaml"), extra)
	out["unused-fonts"] = layout(t, load(t, "../testdata/figures/cluster.yaml"), extra)
	return out
}

// testFonts parses fonts in testdata/fonts, as --font does.
func testFonts(t testing.TB, names ...string) []*text.Font {
	var out []*text.Font
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "fonts", n))
		if err != nil {
			t.Fatal(err)
		}
		fs, err := text.Parse(n, data)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, fs...)
	}
	return out
}

// TestSceneFonts: the JSON scene carries the texts' language and the font
// files that draw some text, each once, in fallback order; a font that
// draws nothing leaves the JSON as it is without it.
func TestSceneFonts(t *testing.T) {
	sc := scenes(t)
	var got struct {
		Lang  string
		Fonts struct {
			Files []string
			Faces []struct {
				File, Index int
				Path        string
			}
		}
	}
	if err := json.Unmarshal(encode(t, sc["extra-fonts"], render.EncodeJSON), &got); err != nil {
		t.Fatal(err)
	}
	var faces []string
	for _, f := range got.Fonts.Faces {
		faces = append(faces, fmt.Sprintf("%d:%d:%s", f.File, f.Index, f.Path))
	}
	// The model's SC fonts draw every text, bold included; --font's
	// second SC bold, JP and Thai draw nothing.
	if want := "0:0:NotoSansSC-subset.otf 1:0:NotoSansSC-Bold-subset.otf"; strings.Join(faces, " ") != want || len(got.Fonts.Files) != 2 || got.Lang != "zh-Hans" {
		t.Errorf("lang %q, %d files, faces %q; want zh-Hans, 2, %q", got.Lang, len(got.Fonts.Files), faces, want)
	}
	plain, extra := encode(t, sc["cluster"], render.EncodeJSON), encode(t, sc["unused-fonts"], render.EncodeJSON)
	if !bytes.Equal(plain, extra) {
		t.Errorf("fonts that draw nothing change the JSON:\n%s", golden.Diff(string(plain), string(extra)))
	}
}

// TestSceneRoundTrip: the JSON scene is the whole contract. Drawing the
// scene decoded from it gives the same SVG (plain and with glyph
// outlines), PNG and PDF bytes as drawing the scene itself, fonts beyond
// the embedded one included, and encoding it again gives the same JSON.
func TestSceneRoundTrip(t *testing.T) {
	for name, sc := range scenes(t) {
		t.Run(name, func(t *testing.T) {
			js := encode(t, sc, render.EncodeJSON)
			back, err := render.DecodeJSON(name+".json", js)
			if err != nil {
				t.Fatal(err)
			}
			if again := encode(t, back, render.EncodeJSON); !bytes.Equal(again, js) {
				t.Errorf("JSON changes when decoded and encoded again:\n%s", golden.Diff(string(js), string(again)))
			}
			if a, b := encode(t, sc, svg.Encode), encode(t, back, svg.Encode); !bytes.Equal(a, b) {
				t.Errorf("SVG of the decoded scene differs:\n%s", golden.Diff(string(a), string(b)))
			}
			outlined := func(w io.Writer, sc *render.Scene) error {
				return svg.EncodeWith(w, sc, svg.Options{EmbedFonts: true})
			}
			if a, b := encode(t, sc, outlined), encode(t, back, outlined); !bytes.Equal(a, b) {
				t.Errorf("SVG with --embed-fonts of the decoded scene differs:\n%s", golden.Diff(string(a), string(b)))
			}
			page := func(w io.Writer, sc *render.Scene) error { return pdf.Encode(w, pdf.Page{Scene: sc}) }
			if a, b := encode(t, sc, page), encode(t, back, page); !bytes.Equal(a, b) {
				t.Errorf("PDF of the decoded scene differs")
			}
			for _, scale := range []float64{1, 2} {
				a := encode(t, sc, func(w io.Writer, sc *render.Scene) error { return png.Encode(w, sc, scale) })
				b := encode(t, back, func(w io.Writer, sc *render.Scene) error { return png.Encode(w, sc, scale) })
				if !bytes.Equal(a, b) {
					t.Errorf("PNG at scale %v of the decoded scene differs", scale)
				}
			}
		})
	}
}

// TestSceneCarriesIcons: each icon colouring is one symbol, every icon
// names one, and an icon file is among them with its own colours.
func TestSceneCarriesIcons(t *testing.T) {
	sc := layout(t, withIconFile(t), Options{})
	ids := map[string]bool{}
	for _, s := range sc.Icons {
		if ids[s.ID] {
			t.Errorf("symbol %s twice", s.ID)
		}
		ids[s.ID] = true
	}
	var placed []string
	for _, n := range append(slices.Clip(sc.Nodes), sc.Legend.Nodes...) {
		if n.Icon != nil {
			if !ids[n.Icon.Symbol] {
				t.Errorf("%s: icon symbol %q not in the scene", n.ID, n.Icon.Symbol)
			}
			placed = append(placed, n.Icon.Symbol)
		}
	}
	// a's file icon, b's pod, c's recoloured pod; the legend's pod sample
	// is b's colouring again.
	if len(sc.Icons) != 3 || len(placed) < 3 {
		t.Fatalf("%d symbols for %d icons: %+v", len(sc.Icons), len(placed), sc.Icons)
	}
	file := sc.Icons[0]
	if !strings.HasPrefix(file.Name, "file-") || file.Elements[0].Fill != "#e34c26" || file.Elements[1].Stroke != "navy" {
		t.Errorf("the icon file's symbol is %+v", file)
	}
	if sc.Icons[1].ID != "kviz-pod" || sc.Icons[2].ID != "kviz-pod-2" || sc.Icons[2].Elements[0].Fill != "#aa0000" {
		t.Errorf("pod symbols %s %s, the second filled %s", sc.Icons[1].ID, sc.Icons[2].ID, sc.Icons[2].Elements[0].Fill)
	}
}

// TestSceneSchema validates every scene's JSON against the schema kviz
// schema --scene prints, and checks that the schema refuses what the
// decoder refuses.
func TestSceneSchema(t *testing.T) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(render.SceneSchema()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("scene.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("scene.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	validate := func(data []byte) error {
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			return err
		}
		return schema.Validate(v)
	}
	js := map[string][]byte{}
	for name, sc := range scenes(t) {
		js[name] = encode(t, sc, render.EncodeJSON)
		if err := validate(js[name]); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	for _, c := range []struct{ scene, old, new string }{
		{"shapes", `"version": 1`, `"version": 2`},
		{"shapes", `"shape": "circle"`, `"shape": "round"`},
		{"shapes", `"style": "solid"`, `"style": "wavy"`},
		{"shapes", `"width"`, `"widht"`},
		{"cluster-zh", `"index": 0,`, `"index": "0",`},
		{"cluster-zh", `"path": "NotoSansSC-subset.otf"`, `"name": "NotoSansSC-subset.otf"`},
	} {
		good := js[c.scene]
		bad := bytes.Replace(good, []byte(c.old), []byte(c.new), 1)
		if bytes.Equal(bad, good) {
			t.Fatalf("no %s in the %s scene", c.old, c.scene)
		}
		if validate(bad) == nil {
			t.Errorf("the schema accepts %s", c.new)
		}
		if _, err := render.DecodeJSON("bad.json", bad); err == nil {
			t.Errorf("DecodeJSON accepts %s", c.new)
		}
	}
}
