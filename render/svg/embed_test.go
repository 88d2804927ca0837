package svg

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"image"
	stdpng "image/png"

	"github.com/kviz/kviz/internal/browser"
	"github.com/kviz/kviz/internal/golden"
	"github.com/kviz/kviz/layouts"
	"github.com/kviz/kviz/render"
	"github.com/kviz/kviz/render/png"
)

var scriptsModel = filepath.Join("..", "..", "testdata", "fonts", "scripts.yaml")

func embedded(t *testing.T, sc *render.Scene) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := EncodeWith(&buf, sc, Options{EmbedFonts: true}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var (
	glyphUse = regexp.MustCompile(`<use xlink:href="#(kviz-glyph-\d+-\d+)"`)
	glyphDef = regexp.MustCompile(`<path id="(kviz-glyph-\d+-\d+)" d="M`)
)

// With EmbedFonts every text is drawn from glyph outlines defined once;
// the texts stay, transparent; the output is the same every time and as
// self-contained as without.
func TestEmbedFonts(t *testing.T) {
	sc := sceneOf(t, scriptsModel, layouts.Options{})
	out := embedded(t, sc)
	if !bytes.Equal(out, embedded(t, sc)) {
		t.Error("two encodings differ")
	}
	if err := golden.WellFormedXML(out); err != nil {
		t.Fatal(err)
	}
	defined := map[string]int{}
	for _, m := range glyphDef.FindAllSubmatch(out, -1) {
		defined[string(m[1])]++
	}
	uses := glyphUse.FindAllSubmatch(out, -1)
	for _, m := range uses {
		if defined[string(m[1])] != 1 {
			t.Errorf("glyph %s used, defined %d times", m[1], defined[string(m[1])])
		}
	}
	if len(uses) < len(defined) || len(defined) < 50 {
		t.Errorf("%d uses of %d glyphs", len(uses), len(defined))
	}
	if n, want := bytes.Count(out, []byte(`fill-opacity="0"`)), strings.Count(string(out), "<text"); n != want || n == 0 {
		t.Errorf("%d of %d texts transparent", n, want)
	}
	for _, bad := range []string{"<image", "url(", "@font-face"} {
		if bytes.Contains(out, []byte(bad)) {
			t.Errorf("contains %q", bad)
		}
	}
}

// An SVG with the glyphs embedded looks like kviz's PNG even where the
// machine has no font at all: librsvg is run with an empty fontconfig.
func TestEmbedFontsWithoutFonts(t *testing.T) {
	rsvg, err := exec.LookPath("rsvg-convert")
	if err != nil {
		t.Skip("rsvg-convert is not installed")
	}
	dir := t.TempDir()
	conf := filepath.Join(dir, "fonts.conf")
	os.Mkdir(filepath.Join(dir, "none"), 0o755)
	os.WriteFile(conf, []byte(`<?xml version="1.0"?><fontconfig><dir>`+filepath.Join(dir, "none")+`</dir><cachedir>`+filepath.Join(dir, "cache")+`</cachedir></fontconfig>`), 0o644)
	sc := sceneOf(t, scriptsModel, layouts.Options{})
	w, h := png.Size(sc, 2)
	cmd := exec.Command(rsvg, "-w", fmt.Sprint(w), "-h", fmt.Sprint(h))
	cmd.Env = append(os.Environ(), "FONTCONFIG_FILE="+conf)
	cmd.Stdin = bytes.NewReader(embedded(t, sc))
	ref, err := cmd.Output()
	if err != nil {
		t.Fatalf("rsvg-convert: %v", err)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, sc, 2); err != nil {
		t.Fatal(err)
	}
	a, err := stdDecode(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	b, err := stdDecode(ref)
	if err != nil {
		t.Fatal(err)
	}
	share := differ(a, b)
	t.Logf("%.2f%% of pixels differ from kviz's PNG", share*100)
	if share > 0.02 {
		t.Errorf("%.2f%% of pixels differ from kviz's PNG", share*100)
	}
}

// In Chromium, with the machine's Noto fonts the SVG names, every label
// in another script fits the box the layout measured for it.
func TestScriptsFitInChromium(t *testing.T) {
	list, err := exec.Command("fc-list", ":", "family").Output()
	if err != nil || !strings.Contains(string(list), "Noto Sans CJK SC") || !strings.Contains(string(list), "Noto Sans Arabic") {
		t.Skip("the machine lacks the Noto fonts the SVG names")
	}
	ctx := browser.Start(t)
	sc := sceneOf(t, scriptsModel, layouts.Options{})
	var buf bytes.Buffer
	if err := Encode(&buf, sc); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "scripts.svg")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	browser.Open(t, ctx, "file://"+path)
	for _, n := range sc.Nodes {
		if n.Group || len(n.Lines) == 0 {
			continue
		}
		js := fmt.Sprintf(`String(Math.max(...[...document.getElementById(%q).querySelectorAll(':scope > text')].map(t => t.getBBox().width)))`, n.ID)
		got, err := strconv.ParseFloat(browser.Eval(t, ctx, js), 64)
		if err != nil {
			t.Fatalf("%s: %v", n.ID, err)
		}
		// Chromium may shape a hair wider (hinting, rounding): 3% or a
		// point of slack, far under the 0.25 em a tofu box would add.
		if slack := max(1, 0.03*n.LabelBox.Width); got > n.LabelBox.Width+slack {
			t.Errorf("%s %q: Chromium draws %.1f points wide, the layout measured %.1f", n.ID, n.Label, got, n.LabelBox.Width)
		}
		t.Logf("%s: Chromium %.1f, kviz %.1f", n.ID, got, n.LabelBox.Width)
	}
}

func stdDecode(data []byte) (image.Image, error) { return stdpng.Decode(bytes.NewReader(data)) }

// differ is the share of pixels whose colour differs by more than 48 of
// 255 in some channel (as in package png's tests): antialiasing of the
// same edge by two rasterizers stays under it.
func differ(a, b image.Image) float64 {
	if a.Bounds() != b.Bounds() {
		return 1
	}
	n := 0
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			r1, g1, b1, a1 := a.At(x, y).RGBA()
			r2, g2, b2, a2 := b.At(x, y).RGBA()
			for _, d := range []int{int(r1) - int(r2), int(g1) - int(g2), int(b1) - int(b2), int(a1) - int(a2)} {
				if d > 48<<8 || d < -48<<8 {
					n++
					break
				}
			}
		}
	}
	return float64(n) / float64(r.Dx()*r.Dy())
}
