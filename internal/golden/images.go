package golden

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FailureDir is the folder a failing image test keeps its images in:
// $KVIZ_TEST_FAILURES, or kviz-test-failures in the system's temporary
// folder. Unlike t.TempDir it outlives the test, so a person can open them.
func FailureDir(t testing.TB) string {
	dir := os.Getenv("KVIZ_TEST_FAILURES")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "kviz-test-failures")
	}
	name := strings.NewReplacer("/", "-", " ", "_", ":", "_").Replace(t.Name())
	return filepath.Join(dir, name)
}

// KeepImages writes got, want and a picture of where they differ to
// FailureDir as name-got.png, name-want.png and name-diff.png, and returns
// a sentence naming the folder, for the failure message. want may be nil.
func KeepImages(t testing.TB, name string, got, want image.Image) string {
	t.Helper()
	dir := FailureDir(t)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Sprintf("(could not keep the images: %v)", err)
	}
	files := map[string]image.Image{"got": got}
	if want != nil {
		files["want"] = want
		if got.Bounds() == want.Bounds() {
			files["diff"] = DiffImage(got, want)
		}
	}
	for kind, img := range files {
		var buf bytes.Buffer
		if err := png.Encode(&buf, img); err != nil {
			return fmt.Sprintf("(could not keep the images: %v)", err)
		}
		if err := os.WriteFile(filepath.Join(dir, name+"-"+kind+".png"), buf.Bytes(), 0o644); err != nil {
			return fmt.Sprintf("(could not keep the images: %v)", err)
		}
	}
	return fmt.Sprintf("got, want and diff images kept in %s", dir)
}

// Noticeable is how far, of 0xffff, a channel must move for a pixel to
// count as different: 48 of 255. Two rasterizers' antialiasing of the same
// edge stays under it for most pixels.
const Noticeable = 48 << 8

// Differs reports whether two colours differ noticeably in some channel.
func Differs(a, b color.Color) bool {
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	for _, d := range []int{int(r1) - int(r2), int(g1) - int(g2), int(b1) - int(b2), int(a1) - int(a2)} {
		if d > Noticeable || d < -Noticeable {
			return true
		}
	}
	return false
}

// DiffImage is want faded to a fifth, with every noticeably different
// pixel in red.
func DiffImage(got, want image.Image) *image.NRGBA {
	r := want.Bounds()
	out := image.NewNRGBA(r)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if Differs(got.At(x, y), want.At(x, y)) {
				out.Set(x, y, color.NRGBA{R: 255, A: 255})
				continue
			}
			c := color.NRGBAModel.Convert(want.At(x, y)).(color.NRGBA)
			c.A /= 5
			out.Set(x, y, c)
		}
	}
	return out
}

// Share is the share of pixels in which a and b differ noticeably, or an
// error when their sizes differ.
func Share(a, b image.Image) (float64, error) {
	if a.Bounds() != b.Bounds() {
		return 1, fmt.Errorf("sizes differ: %v and %v", a.Bounds(), b.Bounds())
	}
	r := a.Bounds()
	return float64(Count(a, b, r)) / float64(r.Dx()*r.Dy()), nil
}

// Count is the number of pixels within r in which a and b differ
// noticeably.
func Count(a, b image.Image, r image.Rectangle) int {
	r = r.Intersect(a.Bounds()).Intersect(b.Bounds())
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if Differs(a.At(x, y), b.At(x, y)) {
				n++
			}
		}
	}
	return n
}
