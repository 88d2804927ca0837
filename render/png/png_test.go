package png

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	stdpng "image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/kviz/kviz/internal/golden"
	"github.com/kviz/kviz/internal/tools"
	"github.com/kviz/kviz/layouts"
	"github.com/kviz/kviz/model"
	"github.com/kviz/kviz/render"
	"github.com/kviz/kviz/render/svg"
)

func scene(t testing.TB, path string) *render.Scene {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m, err := model.Parse(path, data, model.Options{ReadFont: golden.Beside(path)})
	if err != nil {
		t.Fatal(err)
	}
	sc, err := layouts.Layout(context.Background(), m, layouts.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

func encode(t testing.TB, sc *render.Scene, scale float64) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Encode(&buf, sc, scale); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func decode(t testing.TB, data []byte) image.Image {
	t.Helper()
	img, err := stdpng.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// figure is a test figure and how far kviz's PNG of it may stray, as the
// share of pixels that differ noticeably (golden.Noticeable).
type figure struct {
	path string
	// golden: from this machine's golden; measured 0, allowing another
	// machine's floating point to round some antialiasing differently.
	golden float64
	// librsvg: from librsvg's rendering of kviz's SVG at scales 1 and 2,
	// about three times the measured share (cluster 0.01%/0.01%,
	// choreography 0.06%/0.03%, shapes 0.10%/0.02% on 2026-11-28). Drawing
	// no text at all differs by over 1%, dropping one icon by over 0.2%.
	librsvg float64
}

var figures = []figure{
	{filepath.Join("..", "..", "testdata", "figures", "cluster.yaml"), 0.0005, 0.0005},
	{filepath.Join("..", "..", "testdata", "figures", "choreography.yaml"), 0.0005, 0.002},
	{filepath.Join("..", "..", "testdata", "models", "shapes.yaml"), 0.0005, 0.003},
}

func (f figure) name() string { return strings.TrimSuffix(filepath.Base(f.path), ".yaml") }

// TestGolden compares each figure's PNG with its golden pixel by pixel,
// and keeps the images of a failure.
func TestGolden(t *testing.T) {
	for _, f := range figures {
		t.Run(f.name(), func(t *testing.T) {
			got := encode(t, scene(t, f.path), 1)
			path := filepath.Join("..", "..", "testdata", "golden", f.name()+".png")
			if *golden.Update {
				golden.Check(t, path, got)
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			gi, wi := decode(t, got), decode(t, want)
			share, err := golden.Share(gi, wi)
			if err != nil || share > f.golden {
				t.Errorf("%.3f%% of pixels differ from %s, over %.3f%% (%v); %s", share*100, path, f.golden*100, err,
					golden.KeepImages(t, f.name(), gi, wi))
			}
		})
	}
}

func TestScale(t *testing.T) {
	sc := scene(t, figures[0].path)
	for _, scale := range []float64{1, 1.5, 2, 3} {
		img := decode(t, encode(t, sc, scale))
		w, h := Size(sc, scale)
		if img.Bounds().Dx() != w || img.Bounds().Dy() != h {
			t.Errorf("scale %v: %v, want %dx%d", scale, img.Bounds(), w, h)
		}
		if want := int(sc.Width*scale + 0.999); w != want {
			t.Errorf("scale %v: width %d, want %d", scale, w, want)
		}
	}
	if _, err := Rasterize(&render.Scene{Width: 1e6, Height: 1e6}, 1); err == nil {
		t.Error("a trillion-pixel image was not refused")
	}
}

func TestTransparent(t *testing.T) {
	sc := scene(t, figures[0].path)
	sc.Background = ""
	img, err := Rasterize(sc, 1)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, _, a := img.At(0, 0).RGBA(); a != 0 {
		t.Errorf("corner alpha %d with no background, want 0", a)
	}
}

// TestLikeSVG compares kviz's PNG with librsvg's rendering of kviz's own
// SVG of the same figure, within each figure's measured bound.
func TestLikeSVG(t *testing.T) {
	rsvg := tools.Need(t, "librsvg2-bin", "rsvg-convert")
	for _, f := range figures {
		sc := scene(t, f.path)
		var svgBuf bytes.Buffer
		if err := svg.Encode(&svgBuf, sc); err != nil {
			t.Fatal(err)
		}
		drawing := svgBuf.Bytes()
		for _, scale := range []float64{1, 2} {
			w, h := Size(sc, scale)
			cmd := exec.Command(rsvg, "-w", fmt.Sprint(w), "-h", fmt.Sprint(h))
			cmd.Stdin = bytes.NewReader(drawing)
			ref, err := cmd.Output()
			if err != nil {
				t.Fatalf("rsvg-convert: %v", err)
			}
			got, want := decode(t, encode(t, sc, scale)), decode(t, ref)
			share, err := golden.Share(got, want)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s at scale %v: %.3f%% of pixels differ from librsvg's", f.name(), scale, share*100)
			if share > f.librsvg {
				t.Errorf("%s at scale %v: %.3f%% of pixels differ from librsvg's rendering, over %.3f%%; %s", f.name(), scale,
					share*100, f.librsvg*100, golden.KeepImages(t, fmt.Sprintf("%s-x%v", f.name(), scale), got, want))
			}
		}
	}
}

func BenchmarkClusterPNG(b *testing.B) {
	sc := scene(b, figures[0].path)
	for _, scale := range []float64{1, 2} {
		b.Run(fmt.Sprintf("scale%v", scale), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				var buf bytes.Buffer
				if err := Encode(&buf, sc, scale); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestEncoderRoundTrip decodes kviz's PNG with the standard decoder and
// compares every pixel with the raster it came from, opaque and not, in
// one stream and in strips (scale 3 makes several).
func TestEncoderRoundTrip(t *testing.T) {
	sc := scene(t, figures[1].path)
	for _, bg := range []string{sc.Background, ""} {
		sc.Background = bg
		for _, scale := range []float64{1, 3} {
			img, err := Rasterize(sc, scale)
			if err != nil {
				t.Fatal(err)
			}
			for _, enc := range []float64{1, 3} { // one stream, and strips
				var buf bytes.Buffer
				if err := write(&buf, img, enc); err != nil {
					t.Fatal(err)
				}
				got := decode(t, buf.Bytes())
				if got.Bounds() != img.Bounds() {
					t.Fatalf("bounds %v, want %v", got.Bounds(), img.Bounds())
				}
				samePixels(t, fmt.Sprintf("background %q, scale %v, encoded as scale %v", bg, scale, enc), got, img)
			}
		}
	}
	if h := img3(t, sc).Bounds().Dy(); h <= 2*stripRows {
		t.Errorf("the image is %d rows: fewer than three strips", h)
	}
}

func img3(t *testing.T, sc *render.Scene) *image.RGBA {
	img, err := Rasterize(sc, 3)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// samePixels compares every pixel, the standard encoder's conversion the
// reference.
func samePixels(t *testing.T, what string, got image.Image, img *image.RGBA) {
	t.Helper()
	for y := 0; y < img.Bounds().Dy(); y++ {
		for x := 0; x < img.Bounds().Dx(); x++ {
			want := color.NRGBAModel.Convert(img.At(x, y))
			if g := color.NRGBAModel.Convert(got.At(x, y)); g != want {
				t.Fatalf("%s: pixel %d,%d is %v, want %v", what, x, y, g, want)
			}
		}
	}
}

// TestStripsDeterministic: the strips' bytes do not depend on the cores.
func TestStripsDeterministic(t *testing.T) {
	img := img3(t, scene(t, figures[0].path))
	var one, many bytes.Buffer
	prev := runtime.GOMAXPROCS(1)
	err := write(&one, img, 3)
	runtime.GOMAXPROCS(prev)
	if err != nil {
		t.Fatal(err)
	}
	if err := write(&many, img, 3); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(one.Bytes(), many.Bytes()) {
		t.Error("strips encode differently on one core")
	}
}

// BenchmarkWrite encodes the cluster figure at scale 2 in one stream and
// in strips.
func BenchmarkWrite(b *testing.B) {
	img, err := Rasterize(scene(b, figures[0].path), 2)
	if err != nil {
		b.Fatal(err)
	}
	for _, enc := range []float64{1, 2} { // one stream, and strips
		b.Run(fmt.Sprintf("strips=%v", enc >= 2), func(b *testing.B) {
			for b.Loop() {
				if err := write(io.Discard, img, enc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
