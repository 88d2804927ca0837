package render_test

import (
	"bytes"
	"encoding/base64"
	"os"
	"strings"
	"testing"

	"github.com/kviz/kviz/internal/golden"
	"github.com/kviz/kviz/render"
	"github.com/kviz/kviz/render/png"
	"github.com/kviz/kviz/render/svg"
)

// small is a scene of one icon node, one edge with an arrowhead and a
// label, and its symbol.
const small = `{
  "version": 1, "width": 100, "height": 60,
  "nodes": [{"id": "a", "kind": "pod", "label": "A", "parent": "", "group": false,
    "x": 10, "y": 10, "width": 20, "height": 20, "label_box": {"x": 0, "y": 0, "width": 0, "height": 0},
    "shape_box": {"x": 10, "y": 10, "width": 20, "height": 20}, "shape": "icon", "paint": {},
    "icon": {"name": "pod", "symbol": "kviz-pod", "box": {"x": 10, "y": 10, "width": 20, "height": 20}, "fill": "#326ce5", "glyph": "#fff"}}],
  "edges": [{"from": "a", "to": "a", "label": "x", "label_box": {"x": 50, "y": 40, "width": 5, "height": 10},
    "points": [[30, 20], [50, 20], [50, 50], [70, 50]], "color": "#000", "width": 1,
    "head": {"tip": [75, 50], "base": [70, 50]}, "lines": [{"x": 52, "y": 48, "text": "x", "size": 10, "color": "#000"}]}],
  "icons": [{"id": "kviz-pod", "name": "pod", "elements": [
    {"op": "path", "d": "M10 10L90 10L50 90Z", "fill": "#326ce5"}, {"op": "circle", "x": 50, "y": 40, "r": 10, "fill": "#fff"},
    {"op": "text", "x": 50, "y": 85, "text": "pod", "size": 14, "fill": "#fff"}]}]
}`

func TestDecodeJSON(t *testing.T) {
	sc, err := render.DecodeJSON("s.json", []byte(small))
	if err != nil {
		t.Fatal(err)
	}
	if len(sc.Nodes) != 1 || sc.Nodes[0].Icon.Symbol != "kviz-pod" || len(sc.Icons[0].Elements) != 3 || sc.Edges[0].Head.Tip != (render.Point{75, 50}) {
		t.Errorf("decoded %+v", sc)
	}
	var buf bytes.Buffer
	if err := svg.Encode(&buf, sc); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(buf.Bytes(), []byte(`<symbol id="kviz-pod"`)) || !bytes.Contains(buf.Bytes(), []byte(`xlink:href="#kviz-pod"`)) {
		t.Errorf("the decoded scene's icon is not drawn:\n%s", buf.Bytes())
	}
}

// withFont is small with a label in Thai, the language, and the font
// that draws it.
func withFont(t testing.TB) string {
	return fontScene(strings.Replace(small, `"text": "x"`, `"text": "เซิร์ฟเวอร์"`, 1), thai(t))
}

// thai is a Noto Sans Thai subset, in base64.
func thai(t testing.TB) string {
	data, err := os.ReadFile("../testdata/fonts/NotoSansThai-subset.ttf")
	if err != nil {
		t.Fatal(err)
	}
	return base64.StdEncoding.EncodeToString(data)
}

// fontScene is scene with lang th and one font file, data in base64.
func fontScene(scene, data string) string {
	return strings.TrimSuffix(scene, "\n}") + `,
  "lang": "th", "fonts": {"files": ["` + data + `"], "faces": [{"file": 0, "index": 0, "path": "thai.ttf"}]}
}`
}

// TestDecodeJSONFonts: a scene's fonts are parsed from the JSON and draw
// its text: the SVG names the family the layout measured with.
func TestDecodeJSONFonts(t *testing.T) {
	sc, err := render.DecodeJSON("s.json", []byte(withFont(t)))
	if err != nil {
		t.Fatal(err)
	}
	fs := sc.Fonts.Extra()
	if len(fs) != 1 || fs[0].Family != "Noto Sans Thai" || fs[0].Path != "thai.ttf" || sc.Fonts.Lang != "th" {
		t.Fatalf("fonts %+v in %q", fs, sc.Fonts.Lang)
	}
	var buf bytes.Buffer
	if err := svg.Encode(&buf, sc); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(buf.Bytes(), []byte(`Noto Sans Thai`)) || !bytes.Contains(buf.Bytes(), []byte(`xml:lang="th"`)) {
		t.Errorf("the SVG names neither the font nor the language:\n%s", buf.Bytes())
	}
	var again bytes.Buffer
	if err := render.EncodeJSON(&again, sc); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(again.Bytes(), []byte(`"path": "thai.ttf"`)) {
		t.Errorf("encoded again, the font is gone:\n%s", again.Bytes())
	}
}

func TestDecodeJSONFontErrors(t *testing.T) {
	good := withFont(t)
	for _, c := range []struct{ name, old, new, want string }{
		{"not a font", `"files": ["`, `"files": ["dHRjZgAAAAAAAAAB` /* ttcf and a face count of 1 */, `fonts.faces[0]: font "thai.ttf": not a`},
		{"not base64", `"files": ["`, `"files": ["*`, "illegal base64"},
		{"no such file", `"file": 0`, `"file": 1`, "fonts.faces[0]: file 1 of 1"},
		{"no such face", `"index": 0, "path"`, `"index": 1, "path"`, "fonts.faces[0]: face 1 of 1"},
		{"no path", `"path": "thai.ttf"`, `"path": ""`, "fonts.faces[0]: no path"},
		{"file of no face", `"faces": [{"file": 0, "index": 0, "path": "thai.ttf"}]`, `"faces": []`, "fonts.files[0]: no face names it"},
		{"unknown field", `"faces": [`, `"family": "x", "faces": [`, `unknown field "family"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			data := strings.Replace(good, c.old, c.new, 1)
			if data == good {
				t.Fatalf("%q is not in the sample", c.old)
			}
			_, err := render.DecodeJSON("s.json", []byte(data))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want an error holding %q", err, c.want)
			}
		})
	}
}

func TestDecodeJSONErrors(t *testing.T) {
	for _, c := range []struct{ name, old, new, want string }{
		{"syntax", `"width": 100,`, `"width": 100,,`, "s.json:2:30: invalid character ','"},
		{"type", `"height": 60`, `"height": "60"`, "s.json:2:41: json: cannot unmarshal string"},
		{"unknown field", `"version": 1,`, `"version": 1, "colour": 1,`, `unknown field "colour"`},
		{"version", `"version": 1`, `"version": 2`, "s.json: scene version 2, want 1"},
		{"spline", `[[30, 20], [50, 20], [50, 50], [70, 50]]`, `[[30, 20], [50, 20], [50, 50]]`, "edges[0]: a spline of 3 points"},
		{"missing symbol", `"symbol": "kviz-pod"`, `"symbol": "kviz-pod-2"`, `nodes[0]: icon symbol "kviz-pod-2" is not in icons`},
		{"shape", `"shape": "icon"`, `"shape": "star"`, `nodes[0]: shape "star"`},
		{"path", `"d": "M10 10L90 10L50 90Z"`, `"d": "M10 Q"`, "icons[0].elements[0]"},
		{"anchor", `"size": 10, "color"`, `"size": 10, "anchor": "centre", "color"`, `edges[0].lines[0]: anchor "centre"`},
		{"style", `"color": "#000", "width": 1,`, `"color": "#000", "width": 1, "style": "dashd",`, `edges[0]: style "dashd"`},
		{"arrow", `"color": "#000", "width": 1,`, `"color": "#000", "width": 1, "arrow": "vee",`, `edges[0]: arrow "vee"`},
		{"dir", `"color": "#000", "width": 1,`, `"color": "#000", "width": 1, "dir": "up",`, `edges[0]: dir "up"`},
		{"op", `"op": "circle"`, `"op": "image"`, `op "image"`},
		{"size", `"width": 20, "height": 20, "label_box"`, `"width": -20, "height": 20, "label_box"`, "nodes[0]: size -20x20"},
		{"two scenes", "\n}", "\n} {}", "more than one scene"},
		{"join itself", `"color": "#000", "width": 1,`, `"color": "#000", "width": 1, "join": {"onto": "a->a", "index": 3},`, `edges[0]: join onto "a->a" at point 3`},
	} {
		t.Run(c.name, func(t *testing.T) {
			data := strings.Replace(small, c.old, c.new, 1)
			if data == small {
				t.Fatalf("%q is not in the sample", c.old)
			}
			_, err := render.DecodeJSON("s.json", []byte(data))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want an error holding %q", err, c.want)
			}
		})
	}
}

// FuzzDecodeJSON: a scene DecodeJSON accepts is drawn by both encoders
// without a panic, as well-formed SVG.
func FuzzDecodeJSON(f *testing.F) {
	f.Add([]byte(small))
	f.Add([]byte(`{"version": 1, "width": 1, "height": 1, "nodes": [], "edges": []}`))
	f.Add([]byte(withFont(f)))
	// A font file cut short, and a collection whose one face lies past
	// the end: text.Parse must refuse both without a panic.
	f.Add([]byte(fontScene(small, thai(f)[:400])))
	f.Add([]byte(fontScene(small, base64.StdEncoding.EncodeToString([]byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x01\x7f\xff\xff\xf0")))))
	f.Fuzz(func(t *testing.T, data []byte) {
		sc, err := render.DecodeJSON("f.json", data)
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := svg.Encode(&buf, sc); err != nil {
			t.Fatal(err)
		}
		if err := golden.WellFormedXML(buf.Bytes()); err != nil {
			t.Fatalf("SVG is not well-formed: %v", err)
		}
		if sc.Width*sc.Height < 1e5 { // keep each run small
			png.Rasterize(sc, 1)
		}
	})
}

// TestRoundKeepsSharedSlices: rounding a scene leaves dash patterns it
// shares with others (layouts keeps one table of them) as they were.
func TestRoundKeepsSharedSlices(t *testing.T) {
	dash := []float64{5.004, 4}
	sc := &render.Scene{
		Nodes: []render.Node{{Paint: render.Paint{Dash: dash}}},
		Edges: []render.Edge{{Dash: dash}},
	}
	sc.Round()
	if dash[0] != 5.004 {
		t.Errorf("the shared pattern became %v", dash)
	}
	if sc.Edges[0].Dash[0] != 5 || sc.Nodes[0].Paint.Dash[0] != 5 {
		t.Errorf("the scene's patterns are %v and %v", sc.Edges[0].Dash, sc.Nodes[0].Paint.Dash)
	}
}
