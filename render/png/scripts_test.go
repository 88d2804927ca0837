package png

import (
	"bytes"
	"fmt"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kviz/kviz/internal/golden"
	"github.com/kviz/kviz/render"
	"github.com/kviz/kviz/render/svg"
	"github.com/kviz/kviz/render/text"
)

// scripts are the models with labels in other scripts, set in the test
// fonts beside them.
var scripts = []string{
	filepath.Join("..", "..", "testdata", "fonts", "scripts.yaml"),
	filepath.Join("..", "..", "testdata", "fonts", "cluster-zh.yaml"),
}

func TestScriptsGolden(t *testing.T) {
	for _, f := range scripts {
		name := strings.TrimSuffix(filepath.Base(f), ".yaml")
		t.Run(name, func(t *testing.T) {
			got := encode(t, scene(t, f), 2)
			path := filepath.Join("..", "..", "testdata", "golden", name+"@2x.png")
			if *golden.Update {
				golden.Check(t, path, got)
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			share, err := golden.Share(decode(t, got), decode(t, want))
			if err != nil || share > 0.001 {
				t.Errorf("%s: %.3f%% of pixels differ (%v)", name, share*100, err)
			}
			if !bytes.Equal(got, encode(t, scene(t, f), 2)) {
				t.Errorf("%s: two encodings differ", name)
			}
		})
	}
}

// Every text of the drawings is set in real glyphs: none is a font's
// missing glyph (id 0), in any run.
func TestNoNotdef(t *testing.T) {
	for _, f := range scripts {
		sc := scene(t, f)
		var all []render.Text
		all = append(all, sc.Texts...)
		for _, n := range sc.Nodes {
			all = append(all, n.Lines...)
		}
		for _, e := range sc.Edges {
			all = append(all, e.Lines...)
		}
		for _, tx := range all {
			l := text.Shape(tx.Text, text.Style{Size: tx.Size, Bold: tx.Bold, Fonts: sc.Fonts})
			for _, r := range l.Runs {
				for _, g := range r.Glyphs {
					if g.ID == 0 {
						t.Errorf("%s: %q draws .notdef from %s", filepath.Base(f), tx.Text, r.Font.Family)
					}
				}
			}
		}
	}
}

// ink draws s alone at 24 points and returns the image.
func ink(t *testing.T, s string, fonts *text.Fonts) *image.RGBA {
	t.Helper()
	sc := &render.Scene{Width: 120, Height: 40, Background: "#ffffff", Fonts: fonts,
		Texts: []render.Text{{X: 4, Y: 30, Text: s, Size: 24, Color: "#000000"}}}
	img, err := Rasterize(sc, 1)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// dark counts the pixels darker than mid-grey.
func dark(img *image.RGBA) int {
	n := 0
	for i := 0; i < len(img.Pix); i += 4 {
		if img.Pix[i] < 128 {
			n++
		}
	}
	return n
}

// Tofu draws every missing character as the same box: real glyphs of two
// characters differ, and each puts ink down.
func TestGlyphsNotTofu(t *testing.T) {
	sc := scene(t, scripts[0])
	pairs := [][2]string{{"控", "制"}, {"ス", "ケ"}, {"워", "커"}, {"خ", "د"}, {"प", "स"}, {"เ", "ซ"}}
	for _, p := range pairs {
		a, b := ink(t, p[0], sc.Fonts), ink(t, p[1], sc.Fonts)
		if dark(a) < 20 || dark(b) < 20 {
			t.Errorf("%s/%s: %d and %d dark pixels: nothing drawn", p[0], p[1], dark(a), dark(b))
		}
		if bytes.Equal(a.Pix, b.Pix) {
			t.Errorf("%s and %s draw the same pixels: a missing-glyph box", p[0], p[1])
		}
	}
}

// A colour emoji is drawn in colour from the emoji font's bitmap.
func TestEmojiInColour(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "fonts", "NotoColorEmoji-subset.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	fs, err := text.Parse("emoji.ttf", data)
	if err != nil {
		t.Fatal(err)
	}
	img := ink(t, "🚀", text.NewFonts("", fs...))
	coloured := 0
	for i := 0; i < len(img.Pix); i += 4 {
		r, g, b := int(img.Pix[i]), int(img.Pix[i+1]), int(img.Pix[i+2])
		if max(r, g, b)-min(r, g, b) > 60 {
			coloured++
		}
	}
	if coloured < 50 {
		t.Errorf("%d coloured pixels: the emoji is not drawn in colour", coloured)
	}
}

// TestScriptsLikeSVG compares kviz's PNG with librsvg's rendering of the
// SVG, where the machine has the fonts the SVG names (the test fonts are
// subsets of Debian's Noto fonts, which fonts-noto-cjk and fonts-noto-core
// install).
func TestScriptsLikeSVG(t *testing.T) {
	rsvg, err := exec.LookPath("rsvg-convert")
	if err != nil {
		t.Skip("rsvg-convert is not installed")
	}
	list, err := exec.Command("fc-list", ":", "family").Output()
	if err != nil {
		t.Skip("fc-list is not installed")
	}
	for _, fam := range []string{"Noto Sans CJK SC", "Noto Sans Arabic", "Noto Sans Devanagari", "Noto Sans Thai"} {
		if !strings.Contains(string(list), fam) {
			t.Skipf("the machine has no %s for librsvg", fam)
		}
	}
	for _, f := range scripts {
		sc := scene(t, f)
		var buf bytes.Buffer
		if err := svg.Encode(&buf, sc); err != nil {
			t.Fatal(err)
		}
		w, h := Size(sc, 2)
		cmd := exec.Command(rsvg, "-w", fmt.Sprint(w), "-h", fmt.Sprint(h))
		cmd.Stdin = &buf
		ref, err := cmd.Output()
		if err != nil {
			t.Fatalf("rsvg-convert: %v", err)
		}
		share, err := golden.Share(decode(t, encode(t, sc, 2)), decode(t, ref))
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %.2f%% of pixels differ from librsvg's", filepath.Base(f), share*100)
		if share > 0.02 {
			t.Errorf("%s: %.2f%% of pixels differ from librsvg's rendering", filepath.Base(f), share*100)
		}
	}
}
