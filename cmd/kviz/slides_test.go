package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	stdpng "image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/kviz/kviz/internal/browser"
	"github.com/kviz/kviz/internal/tools"
)

// kvizOK runs the command line and fails the test unless it exits 0.
func kvizOK(t *testing.T, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), args, strings.NewReader(""), &stdout, &stderr); code != exitOK {
		t.Fatalf("kviz %s: exit %d\n%s", strings.Join(args, " "), code, stderr.String())
	}
	return stdout.String()
}

// chain is a model of n boxes in a row in direction dir.
func chain(dir string, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "direction: %s\ntheme: light\nnodes:\n", dir)
	for i := range n {
		fmt.Fprintf(&b, "  - {id: n%d, kind: box, label: step %d}\n", i, i)
	}
	b.WriteString("edges:\n")
	for i := 1; i < n; i++ {
		fmt.Fprintf(&b, "  - {from: n%d, to: n%d}\n", i-1, i)
	}
	return b.String()
}

func writeModel(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	img, err := stdpng.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// inked is the bounding box of the pixels that differ from the top-left
// corner's colour: what is drawn on the background.
func inked(img image.Image) image.Rectangle {
	b := img.Bounds()
	bg := img.At(b.Min.X, b.Min.Y)
	r := image.Rectangle{Min: b.Max, Max: b.Min}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if img.At(x, y) != bg {
				r = r.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	return r
}

// TestCanvasSize checks that --canvas WxH gives exactly that size, pixels
// for PNG at any scale and points for SVG, and that the diagram is fitted:
// centred, touching the page (within its margin) on one axis only, never
// cropped.
func TestCanvasSize(t *testing.T) {
	for _, c := range []struct {
		name string
		dir  string
		wide bool
	}{{"wide", "LR", true}, {"tall", "TB", false}} {
		t.Run(c.name, func(t *testing.T) {
			in := writeModel(t, c.name+".yaml", chain(c.dir, 6))
			for _, scale := range []string{"1", "2"} {
				out := filepath.Join(t.TempDir(), "x.png")
				kvizOK(t, "render", in, "-o", out, "--canvas", "1920x1080", "--scale", scale)
				img := readPNG(t, out)
				if b := img.Bounds(); b.Dx() != 1920 || b.Dy() != 1080 {
					t.Fatalf("scale %s: %v, want 1920×1080", scale, b)
				}
				ink := inked(img)
				left, right := ink.Min.X, 1920-ink.Max.X
				top, bottom := ink.Min.Y, 1080-ink.Max.Y
				if min(left, right, top, bottom) < 1 {
					t.Errorf("scale %s: drawing %v touches the edge: cropped", scale, ink)
				}
				// Centred to within antialiasing; the 16-point pad scaled
				// by the fit keeps the near sides under 100 pixels.
				if d := left - right; d < -2 || d > 2 {
					t.Errorf("scale %s: not centred across: margins %d and %d", scale, left, right)
				}
				if d := top - bottom; d < -2 || d > 2 {
					t.Errorf("scale %s: not centred down: margins %d and %d", scale, top, bottom)
				}
				if near, far := left, top; !c.wide {
					near, far = top, left
					if near > 100 || far < 200 {
						t.Errorf("scale %s: a tall diagram should fill the height: margins %d across, %d down", scale, far, near)
					}
				} else if near > 100 || far < 200 {
					t.Errorf("scale %s: a wide diagram should fill the width: margins %d across, %d down", scale, near, far)
				}
			}
			pdf := filepath.Join(t.TempDir(), "x.pdf")
			kvizOK(t, "render", in, "-o", pdf, "--canvas", "800x450")
			if data, _ := os.ReadFile(pdf); !bytes.Contains(data, []byte("/MediaBox [0 0 800.00 450.00]")) {
				t.Error("PDF page is not 800×450 points")
			}
			out := filepath.Join(t.TempDir(), "x.svg")
			kvizOK(t, "render", in, "-o", out, "--canvas", "800x450")
			svg, _ := os.ReadFile(out)
			if !regexp.MustCompile(`<svg width="800.00" height="450.00"`).Match(svg) {
				t.Errorf("SVG page is not 800×450 points:\n%.200s", svg)
			}
		})
	}
}

// TestCanvasShape checks that --canvas A:B gives a page of exactly that
// shape, in whole pixels at the PNG's scale, holding the whole diagram at
// its own size.
func TestCanvasShape(t *testing.T) {
	for _, dir := range []string{"LR", "TB"} {
		in := writeModel(t, "m.yaml", chain(dir, 5))
		plain := filepath.Join(t.TempDir(), "plain.png")
		kvizOK(t, "render", in, "-o", plain)
		own := readPNG(t, plain).Bounds()
		for _, shape := range []struct {
			spec string
			a, b int
		}{{"16:9", 16, 9}, {"4:3", 4, 3}} {
			for _, scale := range []int{1, 3} {
				out := filepath.Join(t.TempDir(), "x.png")
				kvizOK(t, "render", in, "-o", out, "--canvas", shape.spec, "--scale", fmt.Sprint(scale))
				b := readPNG(t, out).Bounds()
				if b.Dx()*shape.b != b.Dy()*shape.a {
					t.Errorf("%s %s scale %d: %d×%d is not %s", dir, shape.spec, scale, b.Dx(), b.Dy(), shape.spec)
				}
				if b.Dx() < own.Dx()*scale || b.Dy() < own.Dy()*scale {
					t.Errorf("%s %s scale %d: %v is smaller than the diagram %v", dir, shape.spec, scale, b, own)
				}
				if b.Dx() > own.Dx()*scale+shape.a && b.Dy() > own.Dy()*scale+shape.b {
					t.Errorf("%s %s scale %d: %v is larger than needed for %v", dir, shape.spec, scale, b, own)
				}
			}
		}
	}
}

func TestCanvasRefused(t *testing.T) {
	in := writeModel(t, "m.yaml", chain("LR", 2))
	for _, bad := range []string{"16:0", "wide", "0x100", "1920x", "16:9:1", "-5x5", "30000x10"} {
		var stderr bytes.Buffer
		code := run(context.Background(), []string{"render", in, "-o", filepath.Join(t.TempDir(), "x.svg"), "--canvas", bad}, nil, &bytes.Buffer{}, &stderr)
		if code != exitUsage || !strings.Contains(stderr.String(), "bad --canvas") {
			t.Errorf("--canvas %s: exit %d, %q; want a usage error", bad, code, stderr.String())
		}
	}
}

var stepsModel = filepath.Join("..", "..", "testdata", "models", "cluster-steps.yaml")

// TestStepsFiles draws every step of the stepped cluster figure with
// --steps and one with --step: a file a step, each the whole canvas, each
// element where the whole diagram has it; the PDF has a page a step.
func TestStepsFiles(t *testing.T) {
	dir := t.TempDir()
	kvizOK(t, "render", stepsModel, "-o", dir+"/", "-f", "json,png,pdf", "--steps")
	whole := filepath.Join(dir, "whole.json")
	kvizOK(t, "render", stepsModel, "-o", whole)
	var all struct {
		Width, Height float64
		Nodes         []map[string]any
	}
	readJSON(t, whole, &all)
	boxes := map[any]string{}
	for _, n := range all.Nodes {
		boxes[n["id"]] = fmt.Sprint(n["x"], n["y"], n["width"], n["height"], n["label_box"])
	}
	for k := 1; k <= 4; k++ {
		var st struct {
			Width, Height float64
			Nodes         []map[string]any
		}
		readJSON(t, filepath.Join(dir, fmt.Sprintf("cluster-steps-%d.json", k)), &st)
		if st.Width != all.Width || st.Height != all.Height {
			t.Errorf("step %d: %v×%v, the whole %v×%v", k, st.Width, st.Height, all.Width, all.Height)
		}
		for _, n := range st.Nodes {
			if got := fmt.Sprint(n["x"], n["y"], n["width"], n["height"], n["label_box"]); got != boxes[n["id"]] {
				t.Errorf("step %d: %v at %s, in the whole at %s", k, n["id"], got, boxes[n["id"]])
			}
		}
		if b := readPNG(t, filepath.Join(dir, fmt.Sprintf("cluster-steps-%d.png", k))).Bounds(); b.Dx() != 765 || b.Dy() != 600 {
			t.Errorf("step %d PNG is %v", k, b.Size())
		}
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "cluster-steps.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(regexp.MustCompile(`/Type /Page\b`).FindAll(pdf, -1)); n != 4 {
		t.Errorf("the PDF has %d pages, want 4", n)
	}
	if _, err := os.Stat(filepath.Join(dir, "cluster-steps-5.json")); err == nil {
		t.Error("a fifth step was written")
	}

	one := filepath.Join(dir, "two.pdf")
	kvizOK(t, "render", stepsModel, "--step", "2", "-o", one)
	pdf, _ = os.ReadFile(one)
	if n := len(regexp.MustCompile(`/Type /Page\b`).FindAll(pdf, -1)); n != 1 {
		t.Errorf("--step 2 PDF has %d pages, want 1", n)
	}
	stepTwo := kvizOK(t, "render", stepsModel, "--step", "2", "-f", "json", "-o", "-")
	if want, _ := os.ReadFile(filepath.Join(dir, "cluster-steps-2.json")); stepTwo != string(want) {
		t.Error("--step 2 differs from the second file of --steps")
	}
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// TestStepsRefused checks the errors of steps on the command line, and
// that a failed run writes nothing.
func TestStepsRefused(t *testing.T) {
	plain := writeModel(t, "plain.yaml", chain("LR", 2))
	bad := writeModel(t, "bad.yaml", chain("LR", 2)+"steps:\n  - {show: [n0, n9]}\n")
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"step past the end", []string{"render", stepsModel, "--step", "5"}, exitFail, "--step 5: the model has 4 steps"},
		{"step of no steps", []string{"render", plain, "--step", "1"}, exitFail, "--step 1: the model has no steps"},
		{"steps of no steps", []string{"render", plain, "--steps"}, exitFail, "--steps: the model has no steps"},
		{"negative step", []string{"render", stepsModel, "--step", "-1"}, exitUsage, "--step counts from 1"},
		{"both", []string{"render", stepsModel, "--step", "1", "--steps"}, exitUsage, "give one of them"},
		{"steps to stdout", []string{"render", stepsModel, "--steps", "-o", "-", "-f", "svg"}, exitUsage, "cannot write them to standard output"},
		{"unknown id", []string{"render", bad, "--steps"}, exitFail, `bad.yaml:9:17: show: no node has id "n9"; did you mean "n0"?`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			var stdout, stderr bytes.Buffer
			args := append(tt.args, "-o", dir+"/")
			if slices.Contains(tt.args, "-o") {
				args = tt.args
			}
			code := run(context.Background(), args, strings.NewReader(""), &stdout, &stderr)
			if code != tt.code || !strings.Contains(stderr.String(), tt.msg) {
				t.Errorf("exit %d, %q; want %d and %q", code, stderr.String(), tt.code, tt.msg)
			}
			if files, _ := os.ReadDir(dir); len(files) > 0 {
				t.Errorf("a failed run wrote %d files", len(files))
			}
		})
	}
}

func TestFontScaleFlag(t *testing.T) {
	in := writeModel(t, "m.yaml", chain("LR", 2))
	plain := kvizOK(t, "render", in, "-f", "json", "-o", "-")
	big := kvizOK(t, "render", in, "-f", "json", "-o", "-", "--font-scale", "2")
	if !strings.Contains(big, `"width"`) || plain == big {
		t.Error("--font-scale 2 changed nothing")
	}
	for _, bad := range []string{"0", "0.2", "9", "x"} {
		code := run(context.Background(), []string{"render", in, "-o", "-", "--font-scale", bad}, nil, &bytes.Buffer{}, &bytes.Buffer{})
		if code != exitUsage {
			t.Errorf("--font-scale %s: exit %d, want %d", bad, code, exitUsage)
		}
	}
}

// TestWatchSteps opens the preview of a stepped model in headless
// Chromium: the arrow keys page through the steps, each the step's own
// drawing, and the place is kept when the model is saved again.
func TestWatchSteps(t *testing.T) {
	ctx := browser.Start(t)
	dir := t.TempDir()
	model := filepath.Join(dir, "m.yaml")
	src := chain("LR", 3) + "steps:\n  - {title: First, show: [n0]}\n  - {title: Second, show: [n1]}\n"
	save(t, model, src)
	url := startWatch(t, model)
	browser.Open(t, ctx, url)
	eval := func(js string) string { return browser.Eval(t, ctx, js) }
	nodes := func() string {
		return eval(`[...((document.querySelector('.drawing')||{}).shadowRoot||document).querySelectorAll('svg g.node')].map(g => g.id).join(',')`)
	}
	key := func(k string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.KeyEvent(k)); err != nil {
			t.Fatal(err)
		}
	}
	await(t, "the page shows the drawing", func() bool { return nodes() != "" })
	if got := nodes(); got != "n0,n1,n2" {
		t.Fatalf("before any key the page shows %q, want the whole diagram", got)
	}
	for _, c := range []struct{ key, step, nodes, label string }{
		{kb.ArrowRight, "1", "n0", "Step 1 of 2: First"},
		{kb.ArrowRight, "2", "n0,n1", "Step 2 of 2: Second"},
		{kb.ArrowRight, "2", "n0,n1", "Step 2 of 2: Second"}, // the last step stays
		{kb.ArrowLeft, "1", "n0", "Step 1 of 2: First"},
		{kb.End, "2", "n0,n1", "Step 2 of 2: Second"},
		{kb.Home, "0", "n0,n1,n2", "All 2 steps"},
	} {
		key(c.key)
		if got := eval(`document.body.dataset.step`); got != c.step {
			t.Errorf("after %q: step %s, want %s", c.key, got, c.step)
		}
		if got := nodes(); got != c.nodes {
			t.Errorf("after %q: nodes %q, want %q", c.key, got, c.nodes)
		}
		if got := eval(`document.querySelector('.step').textContent`); !strings.HasPrefix(got, c.label) {
			t.Errorf("after %q: %q, want %q", c.key, got, c.label)
		}
	}
	key(kb.ArrowRight)
	version := eval(`document.body.dataset.version`)
	save(t, model, strings.Replace(src, "First", "Uno", 1))
	await(t, "the page redrew", func() bool { return eval(`document.body.dataset.version`) != version })
	if got := eval(`document.querySelector('.step').textContent`); !strings.HasPrefix(got, "Step 1 of 2: Uno") {
		t.Errorf("after a save the page shows %q, want step 1 still", got)
	}
}

// TestStepsInDocsBuild draws a folder with --steps: --check finds every
// step's file current, and --prune takes none of them for an orphan.
func TestStepsInDocsBuild(t *testing.T) {
	src, out := t.TempDir(), t.TempDir()
	data, err := os.ReadFile(stepsModel)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(src, "c.yaml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	kvizOK(t, "render", src, "-o", out+"/", "-f", "svg,pdf", "--steps")
	var stderr bytes.Buffer
	if code := run(context.Background(), []string{"render", src, "-o", out + "/", "-f", "svg,pdf", "--steps", "--check"}, nil, &bytes.Buffer{}, &stderr); code != exitOK {
		t.Errorf("--check after drawing: exit %d\n%s", code, stderr.String())
	}
	kvizOK(t, "render", src, "-o", out+"/", "-f", "svg,pdf", "--steps", "--prune")
	files, _ := os.ReadDir(out)
	var names []string
	for _, f := range files {
		names = append(names, f.Name())
	}
	if got := strings.Join(names, " "); got != "c-1.svg c-2.svg c-3.svg c-4.svg c.pdf" {
		t.Errorf("after --prune: %s", got)
	}
}

// TestBrokenDeck: a model with a bad step writes no PDF and no deck, and
// leaves an old one as it was.
func TestBrokenDeck(t *testing.T) {
	bad := writeModel(t, "bad.yaml", chain("LR", 2)+"steps:\n  - {show: [n0->n2]}\n")
	dir := t.TempDir()
	old := filepath.Join(dir, "old.pptx")
	os.WriteFile(old, []byte("old deck"), 0o644)
	for _, out := range []string{filepath.Join(dir, "deck.pdf"), old} {
		var stderr bytes.Buffer
		code := run(context.Background(), []string{"render", bad, "-o", out}, nil, &bytes.Buffer{}, &stderr)
		if code != exitFail || !strings.Contains(stderr.String(), `show: no edge runs "n0->n2"`) {
			t.Errorf("%s: exit %d, %q", out, code, stderr.String())
		}
	}
	var stderr bytes.Buffer
	if code := run(context.Background(), []string{"validate", bad}, nil, &bytes.Buffer{}, &stderr); code != exitFail ||
		!strings.Contains(stderr.String(), `bad.yaml:9:13: show: no edge runs "n0->n2"; did you mean "n0->n1"?`) {
		t.Errorf("validate: exit %d, %q", code, stderr.String())
	}
	files, _ := os.ReadDir(dir)
	if len(files) != 1 {
		t.Errorf("%d files in the folder, want only the old deck", len(files))
	}
	if data, _ := os.ReadFile(old); string(data) != "old deck" {
		t.Error("the old deck was touched")
	}
}

// TestCanvasSVGLikePNG draws one framed page as SVG and as PNG: librsvg's
// rendering of the SVG (its view box and background) matches kviz's PNG,
// within the 2% of noticeably different pixels the encoders meet anyway.
func TestCanvasSVGLikePNG(t *testing.T) {
	rsvg := tools.Need(t, "librsvg2-bin", "rsvg-convert")
	in := writeModel(t, "m.yaml", chain("TB", 4))
	dir := t.TempDir()
	for _, canvas := range []string{"800x450", "4:3"} {
		svgPath, pngPath := filepath.Join(dir, "x.svg"), filepath.Join(dir, "x.png")
		kvizOK(t, "render", in, "-o", svgPath, "--canvas", canvas)
		kvizOK(t, "render", in, "-o", pngPath, "--canvas", canvas)
		own := readPNG(t, pngPath)
		b := own.Bounds()
		ref := filepath.Join(dir, "ref.png")
		if out, err := exec.Command(rsvg, "-w", fmt.Sprint(b.Dx()), "-h", fmt.Sprint(b.Dy()), "-o", ref, svgPath).CombinedOutput(); err != nil {
			t.Fatalf("rsvg-convert: %v\n%s", err, out)
		}
		other := readPNG(t, ref)
		if other.Bounds() != b {
			t.Fatalf("%s: librsvg drew %v, kviz %v", canvas, other.Bounds(), b)
		}
		n := 0
		for y := 0; y < b.Dy(); y++ {
			for x := 0; x < b.Dx(); x++ {
				r1, g1, b1, _ := own.At(x, y).RGBA()
				r2, g2, b2, _ := other.At(x, y).RGBA()
				for _, d := range []int{int(r1) - int(r2), int(g1) - int(g2), int(b1) - int(b2)} {
					if d > 48<<8 || d < -48<<8 {
						n++
						break
					}
				}
			}
		}
		if share := float64(n) / float64(b.Dx()*b.Dy()); share > 0.02 {
			t.Errorf("%s: %.2f%% of pixels differ between the SVG and the PNG", canvas, share*100)
		}
	}
}
