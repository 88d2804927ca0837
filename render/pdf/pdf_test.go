package pdf

import (
	"bytes"
	"compress/zlib"
	"context"
	"fmt"
	"image"
	stdpng "image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/kviz/kviz/internal/golden"
	"github.com/kviz/kviz/internal/tools"
	"github.com/kviz/kviz/layouts"
	"github.com/kviz/kviz/model"
	"github.com/kviz/kviz/render"
	"github.com/kviz/kviz/render/png"
	"github.com/kviz/kviz/render/text"
)

var figures = []string{
	filepath.Join("..", "..", "testdata", "figures", "cluster.yaml"),
	filepath.Join("..", "..", "testdata", "figures", "choreography.yaml"),
	filepath.Join("..", "..", "testdata", "models", "shapes.yaml"),
	filepath.Join("..", "..", "testdata", "fonts", "scripts.yaml"), // CJK, Arabic, Devanagari... as outlines
}

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

func encode(t testing.TB, scenes ...*render.Scene) []byte {
	t.Helper()
	var pages []Page
	for i, sc := range scenes {
		pages = append(pages, Page{Scene: sc, Title: fmt.Sprintf("Étape %d", i+1)})
	}
	var buf bytes.Buffer
	if err := Encode(&buf, pages...); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// streams inflates every Flate stream of a PDF, to read its content.
func streams(data []byte) string {
	var out strings.Builder
	for _, m := range regexp.MustCompile(`(?s)stream\r?\n(.*?)endstream`).FindAllSubmatch(data, -1) {
		r, err := zlib.NewReader(bytes.NewReader(m[1]))
		if err != nil {
			continue
		}
		b, _ := io.ReadAll(r)
		out.Write(b)
	}
	return out.String()
}

// TestStructure checks what any reader relies on: one page object a
// scene with its page's size, both faces used embedded as TrueType with a
// Unicode map (so text is selectable and searchable), subsetted (far
// smaller than the font files), the link an annotation, no tooltip, and
// the same bytes on a second run.
func TestStructure(t *testing.T) {
	cluster, shapes := scene(t, figures[0]), scene(t, figures[2])
	framed := *shapes
	framed.Frame = &render.Frame{Width: 960, Height: 540, Scale: 1.5, DX: 12, DY: 8}
	data := encode(t, cluster, shapes, &framed)
	s := string(data)
	if !strings.HasPrefix(s, "%PDF-1.") || !strings.HasSuffix(strings.TrimSpace(s), "%%EOF") {
		t.Fatalf("not a PDF: %.20q … %.20q", s, s[len(s)-20:])
	}
	if n := len(regexp.MustCompile(`/Type /Page\b`).FindAllString(s, -1)); n != 3 {
		t.Errorf("%d pages, want 3", n)
	}
	boxes := regexp.MustCompile(`/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]`).FindAllStringSubmatch(s, -1)
	want := []string{fmt.Sprintf("%.2f %.2f", cluster.Width, cluster.Height), fmt.Sprintf("%.2f %.2f", shapes.Width, shapes.Height), "960.00 540.00"}
	if len(boxes) != 3 {
		t.Fatalf("%d media boxes, want 3", len(boxes))
	}
	// fpdf writes the page objects in its own order: compare the sizes
	// as a set.
	var got []string
	for _, b := range boxes {
		got = append(got, b[1]+" "+b[2])
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("pages of %q points, want %q", got, want)
	}
	if n := strings.Count(s, "/FontFile2"); n != 2 {
		t.Errorf("%d embedded TrueType faces, want 2 (regular and bold)", n)
	}
	if n := strings.Count(s, "/ToUnicode"); n != 2 {
		t.Errorf("%d Unicode maps, want 2", n)
	}
	if full := len(text.TTF(text.Style{})) + len(text.TTF(text.Style{Bold: true})); len(data) > full/4 {
		t.Errorf("%d bytes: the fonts (%d bytes whole) are not subsetted", len(data), full)
	}
	if !strings.Contains(s, "/URI (https://example.com/?a=1&b=2)") {
		t.Error("the node's link is not a URI annotation")
	}
	if strings.Contains(s+streams(data), "fronts") {
		t.Error("a tooltip was written")
	}
	for i := 1; i <= 3; i++ {
		if !strings.Contains(s, "/Title ("+utf16be(fmt.Sprintf("Étape %d", i))+")") {
			t.Errorf("no bookmark for page %d", i)
		}
	}
	if !strings.Contains(s, "/Outlines") {
		t.Error("no outline")
	}
	if !bytes.Equal(data, encode(t, cluster, shapes, &framed)) {
		t.Error("two runs gave different bytes")
	}
	if err := Encode(io.Discard); err == nil {
		t.Error("no pages was not refused")
	}
}

// TestText reads the text back with pdftotext: every label of the scene
// is there, as text.
func TestText(t *testing.T) {
	tool := tools.Need(t, "poppler-utils", "pdftotext")
	sc := scene(t, figures[0])
	cmd := exec.Command(tool, "-", "-")
	cmd.Stdin = bytes.NewReader(encode(t, sc))
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(strings.Fields(string(out)), " ")
	for _, n := range sc.Nodes {
		for _, l := range n.Lines {
			if !strings.Contains(got, l.Text) {
				t.Errorf("label %q of %s is not in the PDF's text", l.Text, n.ID)
			}
		}
	}
	if !strings.Contains(got, "Kubernetes components") {
		t.Error("the title is not in the PDF's text")
	}
}

// TestLikePNG rasterizes the PDF with poppler and compares it with kviz's
// own PNG of the same scene: under 2% of pixels may differ noticeably,
// the bound the SVG and PNG encoders meet against librsvg.
func TestLikePNG(t *testing.T) {
	tool := tools.Need(t, "poppler-utils", "pdftoppm")
	for _, f := range figures {
		sc := scene(t, f)
		for _, framed := range []bool{false, true} {
			if framed {
				fr := render.FitSize(sc.Width, sc.Height, 800, 450)
				sc.Frame = &fr
			}
			dir := t.TempDir()
			in, prefix := filepath.Join(dir, "in.pdf"), filepath.Join(dir, "out")
			if err := os.WriteFile(in, encode(t, sc), 0o644); err != nil {
				t.Fatal(err)
			}
			if out, err := exec.Command(tool, "-png", "-r", "144", "-singlefile", in, prefix).CombinedOutput(); err != nil {
				t.Fatalf("pdftoppm: %v\n%s", err, out)
			}
			out, err := os.ReadFile(prefix + ".png")
			if err != nil {
				t.Fatal(err)
			}
			ref, err := stdpng.Decode(bytes.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			own, err := png.Rasterize(sc, 2)
			if err != nil {
				t.Fatal(err)
			}
			share, err := differ(own, ref)
			if err != nil {
				t.Fatalf("%s framed %v: %v", filepath.Base(f), framed, err)
			}
			t.Logf("%s framed %v: %.2f%% of pixels differ from poppler's", filepath.Base(f), framed, share*100)
			if share > 0.02 {
				t.Errorf("%s framed %v: %.2f%% of pixels differ from poppler's rendering", filepath.Base(f), framed, share*100)
			}
		}
	}
}

// differ is the share of pixels whose colour differs by more than 48 of
// 255 in some channel: antialiasing of one edge by two rasterizers stays
// under that for most pixels.
func differ(a, b image.Image) (float64, error) {
	if a.Bounds().Size() != b.Bounds().Size() {
		return 1, fmt.Errorf("sizes differ: %v and %v", a.Bounds(), b.Bounds())
	}
	const noticeable = 48 << 8
	n := 0
	r := a.Bounds()
	for y := 0; y < r.Dy(); y++ {
		for x := 0; x < r.Dx(); x++ {
			r1, g1, b1, _ := a.At(r.Min.X+x, r.Min.Y+y).RGBA()
			r2, g2, b2, _ := b.At(b.Bounds().Min.X+x, b.Bounds().Min.Y+y).RGBA()
			for _, d := range []int{int(r1) - int(r2), int(g1) - int(g2), int(b1) - int(b2)} {
				if d > noticeable || d < -noticeable {
					n++
					break
				}
			}
		}
	}
	return float64(n) / float64(r.Dx()*r.Dy()), nil
}

// utf16be is s as a PDF text string in UTF-16BE, with its byte-order mark.
func utf16be(s string) string {
	b := []byte{0xfe, 0xff}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return string(b)
}

// TestQpdfCheck has qpdf parse every object and stream of a three-page
// PDF with steps' bookmarks, a framed page and links: no syntax or stream
// errors.
func TestQpdfCheck(t *testing.T) {
	tool := tools.Need(t, "qpdf", "qpdf")
	shapes := scene(t, figures[2])
	framed := *shapes
	framed.Frame = &render.Frame{Width: 960, Height: 540, Scale: 1.5, DX: 12, DY: 8}
	// A translucent fill: the PDF needs an ExtGState and version 1.4.
	framed.Nodes = append([]render.Node(nil), shapes.Nodes...)
	framed.Nodes[0].Paint.Fill = "#ff000080"
	path := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(path, encode(t, scene(t, figures[0]), shapes, &framed), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, "--check", path).CombinedOutput()
	if !strings.Contains(string(out), "PDF Version: 1.4") {
		t.Errorf("a PDF with transparency is not version 1.4:\n%s", out)
	}
	if err != nil || !strings.Contains(string(out), "No syntax or stream encoding errors found") {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
}
