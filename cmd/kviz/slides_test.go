package main

import (
	"bytes"
	"context"
	"fmt"
	"image"
	stdpng "image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// kviz runs the command line and fails the test unless it exits 0.
func kviz(t *testing.T, args ...string) string {
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
				kviz(t, "render", in, "-o", out, "--canvas", "1920x1080", "--scale", scale)
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
			out := filepath.Join(t.TempDir(), "x.svg")
			kviz(t, "render", in, "-o", out, "--canvas", "800x450")
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
		kviz(t, "render", in, "-o", plain)
		own := readPNG(t, plain).Bounds()
		for _, shape := range []struct {
			spec string
			a, b int
		}{{"16:9", 16, 9}, {"4:3", 4, 3}} {
			for _, scale := range []int{1, 3} {
				out := filepath.Join(t.TempDir(), "x.png")
				kviz(t, "render", in, "-o", out, "--canvas", shape.spec, "--scale", fmt.Sprint(scale))
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
