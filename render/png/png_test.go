package png

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	stdpng "image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kviz/kviz/internal/golden"
	"github.com/kviz/kviz/layouts"
	"github.com/kviz/kviz/model"
	"github.com/kviz/kviz/render"
	"github.com/kviz/kviz/render/svg"
	"github.com/kviz/kviz/render/text"
)

var figures = []string{
	filepath.Join("..", "..", "testdata", "figures", "cluster.yaml"),
	filepath.Join("..", "..", "testdata", "figures", "choreography.yaml"),
	filepath.Join("..", "..", "testdata", "models", "shapes.yaml"),
}

func scene(t testing.TB, path string) *render.Scene {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m, err := model.Parse(path, data, model.Options{ReadFont: model.FolderReader(path, text.MaxFontBytes)})
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

// differ is the share of pixels whose colour differs noticeably: by more
// than 48 of 255 in some channel, alpha-weighted. Antialiasing of the same
// edge by two rasterizers stays under that for most pixels.
func differ(a, b image.Image) (float64, error) {
	if a.Bounds() != b.Bounds() {
		return 1, fmt.Errorf("sizes differ: %v and %v", a.Bounds(), b.Bounds())
	}
	const noticeable = 48 << 8
	n := 0
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			r1, g1, b1, a1 := a.At(x, y).RGBA()
			r2, g2, b2, a2 := b.At(x, y).RGBA()
			for _, d := range []int{int(r1) - int(r2), int(g1) - int(g2), int(b1) - int(b2), int(a1) - int(a2)} {
				if d > noticeable || d < -noticeable {
					n++
					break
				}
			}
		}
	}
	return float64(n) / float64(r.Dx()*r.Dy()), nil
}

// TestGolden compares each figure's PNG with its golden pixel by pixel:
// at most 0.1% of pixels may differ noticeably (floating point may round
// an edge's antialiasing differently on another machine).
func TestGolden(t *testing.T) {
	for _, f := range figures {
		name := strings.TrimSuffix(filepath.Base(f), ".yaml")
		t.Run(name, func(t *testing.T) {
			got := encode(t, scene(t, f), 1)
			path := filepath.Join("..", "..", "testdata", "golden", name+".png")
			if *golden.Update {
				golden.Check(t, path, got)
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			share, err := differ(decode(t, got), decode(t, want))
			if err != nil || share > 0.001 {
				os.WriteFile(filepath.Join(t.TempDir(), name+".png"), got, 0o644)
				t.Errorf("%s: %.3f%% of pixels differ (%v)", name, share*100, err)
			}
		})
	}
}

func TestScale(t *testing.T) {
	sc := scene(t, figures[0])
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
	sc := scene(t, figures[0])
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
// SVG of the same figure: under 2% of pixels may differ noticeably.
func TestLikeSVG(t *testing.T) {
	rsvg, err := exec.LookPath("rsvg-convert")
	if err != nil {
		t.Skip("rsvg-convert is not installed (apt-get install librsvg2-bin); skipping the comparison with librsvg")
	}
	for _, f := range figures {
		sc := scene(t, f)
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
			share, err := differ(decode(t, encode(t, sc, scale)), decode(t, ref))
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s at scale %v: %.2f%% of pixels differ from librsvg's", filepath.Base(f), scale, share*100)
			if share > 0.02 {
				t.Errorf("%s at scale %v: %.2f%% of pixels differ from librsvg's rendering", filepath.Base(f), scale, share*100)
			}
		}
	}
}

func BenchmarkClusterPNG(b *testing.B) {
	sc := scene(b, figures[0])
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
// compares every pixel with the raster it came from, opaque and not.
func TestEncoderRoundTrip(t *testing.T) {
	sc := scene(t, figures[1])
	for _, bg := range []string{sc.Background, ""} {
		sc.Background = bg
		img, err := Rasterize(sc, 1)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := write(&buf, img); err != nil {
			t.Fatal(err)
		}
		got := decode(t, buf.Bytes())
		if got.Bounds() != img.Bounds() {
			t.Fatalf("bounds %v, want %v", got.Bounds(), img.Bounds())
		}
		for y := 0; y < img.Bounds().Dy(); y++ {
			for x := 0; x < img.Bounds().Dx(); x++ {
				// The standard encoder's conversion is the reference.
				want := color.NRGBAModel.Convert(img.At(x, y))
				if g := color.NRGBAModel.Convert(got.At(x, y)); g != want {
					t.Fatalf("background %q: pixel %d,%d is %v, want %v", bg, x, y, g, want)
				}
			}
		}
	}
}
