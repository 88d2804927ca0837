// Package pdf encodes render.Scenes as a vector PDF, one page each: shapes
// and icons as paths, text as real text in the embedded font (subsetted to
// the glyphs used), links as link annotations. Tooltips are left out: PDF
// viewers have no place for them. The bytes depend only on the scenes: no
// dates, no random ids.
//
// It writes through github.com/go-pdf/fpdf, chosen by measurement over
// github.com/tdewolff/canvas: fpdf is one module with no dependencies of
// its own (canvas brings in twenty, among them a TeX engine and an X11
// client), subsets TrueType fonts with Unicode text, and gives the same
// bytes on every run once its dates are fixed.
package pdf

import (
	"bytes"
	"fmt"
	"io"
	"time"

	"github.com/go-pdf/fpdf"

	"github.com/kviz/kviz/render"
	"github.com/kviz/kviz/render/text"
)

// epoch is the creation and modification date of every PDF: a fixed one,
// so that the same scenes give the same bytes.
var epoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// family is the name the embedded font goes by inside the PDF.
const family = "LiberationSans"

// Page is one page of a PDF: a scene, and the title the document's
// outline (its bookmarks) lists it by; no entry when empty.
type Page struct {
	Scene *render.Scene
	Title string
}

// Encode writes the pages as one PDF, each the size of its scene's page
// (render.Scene.Page) in points.
func Encode(w io.Writer, pages ...Page) error {
	if len(pages) == 0 {
		return fmt.Errorf("a PDF needs at least one page")
	}
	first := pages[0].Scene.Page()
	doc := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: first.Width, Ht: first.Height}})
	doc.SetCreationDate(epoch)
	doc.SetModificationDate(epoch)
	doc.SetCatalogSort(true)
	doc.SetCompression(true)
	doc.SetAutoPageBreak(false, 0)
	doc.SetMargins(0, 0, 0)
	doc.SetProducer("kviz", false)
	doc.SetTitle(pages[0].Scene.Title, true)
	c := &canvas{doc: doc, fonts: map[int]bool{}}
	for _, p := range pages {
		sc, pg := p.Scene, p.Scene.Page()
		doc.AddPageFormat("P", fpdf.SizeType{Wd: pg.Width, Ht: pg.Height})
		c.fr = pg
		c.set = sc.Fonts
		if p.Title != "" {
			c.font(text.Style{Size: 12}) // fpdf writes a bookmark as UTF-16 only while a Unicode font is set
			doc.Bookmark(p.Title, 0, 0)
		}
		if col, ok := render.ParseColor(sc.Background); ok {
			c.fill(col)
			doc.Rect(0, 0, pg.Width, pg.Height, "F")
			c.alpha(255)
		}
		render.Draw(sc, c)
	}
	var buf bytes.Buffer
	if err := doc.Output(&buf); err != nil {
		return fmt.Errorf("writing PDF: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}
