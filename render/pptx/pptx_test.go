package pptx

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"image"
	stdpng "image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/kviz/kviz/layouts"
	"github.com/kviz/kviz/model"
	"github.com/kviz/kviz/render"
)

// deck builds the four slides of the stepped cluster figure.
func deck(t *testing.T) []Slide {
	t.Helper()
	path := filepath.Join("..", "..", "testdata", "models", "cluster-steps.yaml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m, err := model.Parse(path, data, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sc, err := layouts.Layout(context.Background(), m, layouts.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var out []Slide
	for _, st := range layouts.Steps(m) {
		out = append(out, Slide{Scene: sc.At(&st), Title: st.Title, Caption: st.Caption})
	}
	return out
}

func encode(t *testing.T, slides []Slide) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Encode(&buf, slides); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// files reads a package's parts by name.
func files(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name], _ = io.ReadAll(r)
		r.Close()
	}
	return out
}

// TestStructure checks the package as PowerPoint reads it: every XML part
// well-formed; the content types name every slide and PNG; the
// presentation 16:9 and listing one slide a step, each through its
// relationship; each slide's picture a PNG that is in the package, with
// the step's title in the title placeholder and its caption; the same
// bytes on a second run.
func TestStructure(t *testing.T) {
	slides := deck(t)
	data := encode(t, slides)
	parts := files(t, data)
	for name, body := range parts {
		if strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels") {
			if err := wellFormed(body); err != nil {
				t.Errorf("%s: %v", name, err)
			}
		}
	}
	types := string(parts["[Content_Types].xml"])
	if !strings.Contains(types, `<Default Extension="png" ContentType="image/png"/>`) {
		t.Error("no content type for PNG")
	}
	pres := string(parts["ppt/presentation.xml"])
	if !strings.Contains(pres, `<p:sldSz cx="12192000" cy="6858000"/>`) {
		t.Error("the slides are not 16:9")
	}
	ids := regexp.MustCompile(`<p:sldId id="\d+" r:id="(rId\d+)"/>`).FindAllStringSubmatch(pres, -1)
	if len(ids) != len(slides) {
		t.Fatalf("%d slides listed, want %d", len(ids), len(slides))
	}
	presRels := string(parts["ppt/_rels/presentation.xml.rels"])
	for i, id := range ids {
		n := i + 1
		target := fmt.Sprintf(`Id="%s" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide" Target="slides/slide%d.xml"`, id[1], n)
		if !strings.Contains(presRels, target) {
			t.Errorf("slide %d: %s does not lead to it", n, id[1])
		}
		if !strings.Contains(types, fmt.Sprintf(`PartName="/ppt/slides/slide%d.xml"`, n)) {
			t.Errorf("slide %d has no content type", n)
		}
		slide := string(parts[fmt.Sprintf("ppt/slides/slide%d.xml", n)])
		rel := string(parts[fmt.Sprintf("ppt/slides/_rels/slide%d.xml.rels", n)])
		m := regexp.MustCompile(`<a:blip r:embed="(rId\d+)"/>`).FindStringSubmatch(slide)
		if m == nil {
			t.Fatalf("slide %d has no picture", n)
		}
		img := regexp.MustCompile(`Id="` + m[1] + `" Type="[^"]*/image" Target="../media/(image\d+\.png)"`).FindStringSubmatch(rel)
		if img == nil {
			t.Fatalf("slide %d: picture %s has no image relationship", n, m[1])
		}
		png, err := stdpng.Decode(bytes.NewReader(parts["ppt/media/"+img[1]]))
		if err != nil {
			t.Fatalf("slide %d: %s: %v", n, img[1], err)
		}
		checkPicture(t, n, slide, png, slides[i].Scene)
		if !strings.Contains(slide, `<p:ph type="title"/>`) || !strings.Contains(slide, "<a:t>"+slides[i].Title+"</a:t>") {
			t.Errorf("slide %d: title %q is not its title", n, slides[i].Title)
		}
		if c := slides[i].Caption; c != "" && !strings.Contains(slide, "<a:t>"+esc(c)+"</a:t>") {
			t.Errorf("slide %d: caption %q missing", n, c)
		}
	}
	if !bytes.Equal(data, encode(t, slides)) {
		t.Error("two runs gave different bytes")
	}
	if err := Encode(io.Discard, nil); err == nil {
		t.Error("a deck of no slides was not refused")
	}
}

// checkPicture checks that a slide's picture keeps the scene's shape, lies
// inside the slide, and has at least density pixels a point of its
// placed width.
func checkPicture(t *testing.T, n int, slide string, img image.Image, sc *render.Scene) {
	t.Helper()
	m := regexp.MustCompile(`<p:pic>.*?<a:off x="(\d+)" y="(\d+)"/><a:ext cx="(\d+)" cy="(\d+)"/>`).FindStringSubmatch(slide)
	if m == nil {
		t.Fatalf("slide %d: picture has no place", n)
	}
	var x, y, w, h float64
	fmt.Sscan(m[1]+" "+m[2]+" "+m[3]+" "+m[4], &x, &y, &w, &h)
	if x < 0 || y < 0 || x+w > slideW || y+h > slideH {
		t.Errorf("slide %d: picture %v,%v %v×%v leaves the slide", n, x, y, w, h)
	}
	if got, want := w/h, sc.Width/sc.Height; got/want > 1.01 || got/want < 0.99 {
		t.Errorf("slide %d: picture shape %.3f, the scene's %.3f", n, got, want)
	}
	if px := float64(img.Bounds().Dx()); px < w/emuPerPt*density-1 {
		t.Errorf("slide %d: %v pixels for %v points: under %d a point", n, px, w/emuPerPt, density)
	}
}

func wellFormed(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		if _, err := d.Token(); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
	}
}

// TestImpress converts the deck to PDF with LibreOffice: it opens, and
// has a page a slide.
func TestImpress(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice is not installed (apt-get install libreoffice-impress)")
	}
	if testing.Short() {
		t.Skip("LibreOffice takes seconds to start")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "deck.pptx")
	if err := os.WriteFile(in, encode(t, deck(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "pdf", "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "deck.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(regexp.MustCompile(`/Type\s*/Page\b`).FindAll(pdf, -1)); n != 4 {
		t.Errorf("LibreOffice made %d pages of 4 slides", n)
	}
}
