package svg

import (
	"bytes"
	"context"
	"image"
	_ "image/png"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/kviz/kviz/internal/browser"
	"github.com/kviz/kviz/layouts"
	"github.com/kviz/kviz/render"
)

// scene lays out a model file in a theme.
func scene(t *testing.T, path, theme string) *render.Scene {
	t.Helper()
	return sceneOf(t, path, layouts.Options{Theme: theme})
}

func encodeDark(t *testing.T, light, dark *render.Scene) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := EncodeDark(&buf, light, dark); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var (
	styleRe  = regexp.MustCompile(`(?s)<style>.*?</style>\n`)
	darkStRe = regexp.MustCompile(` style="[^"]*var\(--kviz-dk-[^"]*"`)
)

// TestDarkKeepsTheLightDrawing: every model in every pair of themes merges,
// and without its style sheet and dark classes the SVG is the light one,
// byte for byte: the geometry is the light drawing's.
func TestDarkKeepsTheLightDrawing(t *testing.T) {
	root := filepath.Join("..", "..", "testdata")
	for _, name := range []string{"figures/cluster", "figures/choreography", "models/every-kind"} {
		path := filepath.Join(root, name+".yaml")
		for _, pair := range [][2]string{{"kubernetes", "dark"}, {"light", "dark"}, {"dark", "light"}, {"mono", "dark"}, {"dark", "dark"}} {
			light := encode(t, scene(t, path, pair[0]))
			merged := encodeDark(t, scene(t, path, pair[0]), scene(t, path, pair[1]))
			bare := darkStRe.ReplaceAll(styleRe.ReplaceAll(merged, nil), nil)
			if !bytes.Equal(bare, light) {
				t.Errorf("%s %s/%s: the merged SVG is not the light drawing plus styles", name, pair[0], pair[1])
			}
			if pair[0] != pair[1] && !bytes.Contains(merged, []byte("prefers-color-scheme: dark")) {
				t.Errorf("%s %s/%s: no dark style sheet", name, pair[0], pair[1])
			}
			if pair[0] == pair[1] && !bytes.Equal(merged, light) {
				t.Errorf("%s %s/%s: one theme twice is not the plain drawing", name, pair[0], pair[1])
			}
		}
	}
}

// TestDarkRefusesAnotherDrawing: two different drawings do not merge.
func TestDarkRefusesAnotherDrawing(t *testing.T) {
	root := filepath.Join("..", "..", "testdata")
	a := scene(t, filepath.Join(root, "figures/cluster.yaml"), "kubernetes")
	b := scene(t, filepath.Join(root, "figures/choreography.yaml"), "dark")
	if err := EncodeDark(&bytes.Buffer{}, a, b); err == nil {
		t.Error("two different drawings merged")
	}
}

// TestDarkInChromium opens a merged SVG in Chromium under a light and a
// dark colour scheme: every element's computed fill and stroke are those
// of the light drawing, then those of the dark one (icons' symbols
// included), the screenshots differ, and every node's box is the same.
// Inlined in a page, Docusaurus's data-theme overrides the scheme.
func TestDarkInChromium(t *testing.T) {
	ctx := browser.Start(t)
	for _, pair := range [][2]string{{"kubernetes", "dark"}, {"mono", "dark"}} {
		t.Run(pair[0]+"-"+pair[1], func(t *testing.T) { darkInChromium(t, ctx, pair[0], pair[1]) })
	}
}

func darkInChromium(t *testing.T, ctx context.Context, lightTheme, darkTheme string) {
	dir := t.TempDir()
	path := filepath.Join("..", "..", "testdata", "figures", "cluster.yaml")
	light, dark := scene(t, path, lightTheme), scene(t, path, darkTheme)
	files := map[string][]byte{
		"light.svg":  encode(t, light),
		"dark.svg":   encode(t, dark),
		"merged.svg": encodeDark(t, light, dark),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const paints = `[...document.querySelectorAll('svg *:not(style)')].map(e => { const s = getComputedStyle(e); return e.tagName + ' ' + s.fill + ' ' + s.stroke + ' ' + s.strokeWidth }).join('\n')`
	const boxes = `[...document.querySelectorAll('g.node, g.group')].map(g => { const b = g.getBBox(); return [g.id, b.x, b.y, b.width, b.height].join(' ') }).join('\n')`
	look := func(scheme, file string) (string, string, []byte) {
		setScheme(t, ctx, scheme)
		browser.Open(t, ctx, "file://"+filepath.Join(dir, file))
		shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		return browser.Eval(t, ctx, paints), browser.Eval(t, ctx, boxes), shot
	}
	wantLight, _, wantLightShot := look("light", "light.svg")
	wantDark, _, wantDarkShot := look("light", "dark.svg")
	gotLight, lightBoxes, lightShot := look("light", "merged.svg")
	gotDark, darkBoxes, darkShot := look("dark", "merged.svg")
	if gotLight != wantLight {
		t.Errorf("light scheme: the merged SVG's paint is not the light drawing's:\n%s", firstDiff(gotLight, wantLight))
	}
	if gotDark != wantDark {
		t.Errorf("dark scheme: the merged SVG's paint is not the dark drawing's:\n%s", firstDiff(gotDark, wantDark))
	}
	// What is seen, icons drawn through <use> included, is each theme's own
	// drawing, pixel for pixel.
	if !bytes.Equal(lightShot, wantLightShot) {
		t.Error("light scheme: the screenshot is not the light drawing's")
	}
	if !bytes.Equal(darkShot, wantDarkShot) {
		t.Error("dark scheme: the screenshot is not the dark drawing's")
	}
	if lightBoxes == "" || lightBoxes != darkBoxes {
		t.Errorf("node boxes differ between the schemes:\n%s", firstDiff(lightBoxes, darkBoxes))
	}
	if lightTheme == "mono" && !regexp.MustCompile(`(?s)<symbol[^>]*>[^/]*?--kviz-dk-`).Match(files["merged.svg"]) {
		t.Error("mono and dark icons differ, yet no icon symbol switches colour")
	}
	if bytes.Equal(lightShot, darkShot) {
		t.Error("the screenshots under the two schemes are the same")
	}
	checkShots(t, lightShot, darkShot)
	if dir := os.Getenv("KVIZ_SHOTS"); dir != "" {
		os.WriteFile(filepath.Join(dir, lightTheme+"-"+darkTheme+"-light.png"), lightShot, 0o644)
		os.WriteFile(filepath.Join(dir, lightTheme+"-"+darkTheme+"-dark.png"), darkShot, 0o644)
	}

	// Inlined in an HTML page, the page's data-theme wins over the scheme.
	for _, tt := range []struct{ scheme, theme, want string }{
		{"light", "dark", wantDark}, {"dark", "light", wantLight}, {"dark", "", wantDark},
		{"light", "", wantLight},
	} {
		page := `<!DOCTYPE html><html data-theme="` + tt.theme + `"><body>` + string(files["merged.svg"][strings.Index(string(files["merged.svg"]), "<svg"):]) + `</body></html>`
		if err := os.WriteFile(filepath.Join(dir, "page.html"), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
		if got, _, _ := look(tt.scheme, "page.html"); got != tt.want {
			t.Errorf("inlined, scheme %s, data-theme %q: wrong paint:\n%s", tt.scheme, tt.theme, firstDiff(got, tt.want))
		}
	}
}

func setScheme(t *testing.T, ctx context.Context, scheme string) {
	t.Helper()
	err := chromedp.Do(ctx, func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}})
		return chromedp.Void{}, err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// checkShots: the two screenshots are images of one size that differ in
// most of their pixels (the background changes).
func checkShots(t *testing.T, a, b []byte) {
	t.Helper()
	ia, _, err := image.Decode(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	ib, _, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if ia.Bounds() != ib.Bounds() {
		t.Fatalf("screenshots of %v and %v", ia.Bounds(), ib.Bounds())
	}
	differ, total := 0, 0
	r := ia.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y += 4 {
		for x := r.Min.X; x < r.Max.X; x += 4 {
			total++
			if ia.At(x, y) != ib.At(x, y) {
				differ++
			}
		}
	}
	if differ*2 < total {
		t.Errorf("only %d of %d sampled pixels differ between light and dark", differ, total)
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return "line " + strconv.Itoa(i+1) + ": got " + al[i] + "\n         want " + bl[i]
		}
	}
	return "lengths " + strconv.Itoa(len(al)) + " and " + strconv.Itoa(len(bl))
}
