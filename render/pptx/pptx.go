// Package pptx writes a PowerPoint deck (Office Open XML, .pptx) of
// render.Scenes: 16:9 slides, one a scene, each holding the scene drawn as
// a PNG at twice the resolution it is shown at, fitted and centred below
// the slide's title, with its caption underneath. The title is the slide's
// title placeholder, so outlines and screen readers find it.
//
// No Go library for writing PowerPoint is both small and kept up, so this
// is a small writer of its own: a zip of fixed XML parts (one master, one
// layout, one theme) and, for each slide, its XML, relationships and
// image. The bytes depend only on the slides: zip entries carry a fixed
// date and come in a fixed order.
package pptx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math"
	"time"

	"github.com/kviz/kviz/render"
	"github.com/kviz/kviz/render/png"
)

// Slide is one slide: a scene and the words around it.
type Slide struct {
	Scene   *render.Scene
	Title   string // the slide's title; none when empty
	Caption string // a line under the picture; none when empty
}

// Slide geometry in EMU (English Metric Units: 914,400 an inch, 12,700 a
// point). The slide is 13.333 × 7.5 inches, PowerPoint's 16:9.
const (
	emuPerPt    = 12700
	slideW      = 12192000
	slideH      = 6858000
	margin      = 365760 // 0.4 inch around everything
	titleH      = 731520 // 0.8 inch for the title
	captionH    = 457200 // 0.5 inch for the caption
	density     = 2      // image pixels per point of the picture as placed
	maxPixels   = 40 << 20
	titlePoints = 32
)

// epoch is the date of every zip entry, so that a deck's bytes do not
// depend on when it was written.
var epoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// Encode writes the slides as a .pptx.
func Encode(w io.Writer, slides []Slide) error {
	if len(slides) == 0 {
		return fmt.Errorf("a deck needs at least one slide")
	}
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	add := func(name string, data []byte) error {
		f, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: epoch})
		if err != nil {
			return err
		}
		_, err = f.Write(data)
		return err
	}
	for _, p := range fixedParts(slides) {
		if err := add(p.name, p.data); err != nil {
			return err
		}
	}
	for i, s := range slides {
		pic, err := picture(s)
		if err != nil {
			return fmt.Errorf("slide %d: %w", i+1, err)
		}
		n := i + 1
		for _, p := range []part{
			{fmt.Sprintf("ppt/slides/slide%d.xml", n), slideXML(s, pic)},
			{fmt.Sprintf("ppt/slides/_rels/slide%d.xml.rels", n), slideRels(n)},
			{fmt.Sprintf("ppt/media/image%d.png", n), pic.png},
		} {
			if err := add(p.name, p.data); err != nil {
				return err
			}
		}
	}
	if err := z.Close(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// part is one file of the package.
type part struct {
	name string
	data []byte
}

// placed is a slide's picture and where it goes, in EMU.
type placed struct {
	png        []byte
	x, y, w, h int64
}

// picture draws a slide's scene to fit the room its title and caption
// leave, centred, at density pixels a point.
func picture(s Slide) (placed, error) {
	top, bottom := int64(margin), int64(slideH-margin)
	if s.Title != "" {
		top += titleH
	}
	if s.Caption != "" {
		bottom -= captionH
	}
	roomW, roomH := float64(slideW-2*margin), float64(bottom-top)
	pg := s.Scene.Page()
	k := math.Min(roomW/(pg.Width*emuPerPt), roomH/(pg.Height*emuPerPt)) // slide points per page point
	scale := density * k
	if px := pg.Width * pg.Height * scale * scale; px > maxPixels {
		scale *= math.Sqrt(maxPixels / px)
	}
	var img bytes.Buffer
	if err := png.Encode(&img, s.Scene, scale); err != nil {
		return placed{}, err
	}
	w, h := int64(pg.Width*k*emuPerPt), int64(pg.Height*k*emuPerPt)
	return placed{png: img.Bytes(), x: (slideW - w) / 2, y: top + (int64(roomH)-h)/2, w: w, h: h}, nil
}
