package svg

import (
	"fmt"
	"io"
	"strings"

	"github.com/kviz/kviz/render"
	"github.com/kviz/kviz/render/text"
)

// Options change how a scene is written.
type Options struct {
	// EmbedFonts draws each text with the outlines of the very glyphs the
	// layout shaped, defined once in <defs> and placed with <use>, so the
	// SVG looks the same in every browser whatever fonts it has. The text
	// itself stays in the document, transparent, for search and selection.
	// Colour emoji stay text.
	EmbedFonts bool
}

// glyphUnit is the size, in points, glyph outlines are defined at; a <use>
// scales them to the text's size.
const glyphUnit = 100

// glyphs gives each glyph drawn an id: kviz-glyph-F-G, F the font's place
// in the fallback list (0 to 3 for the embedded faces), G its glyph id.
// They are written in order of first use.
type glyphs struct {
	fonts []*text.Font // the fallback list the scene's texts are set in
	ids   map[glyphKey]string
	order []glyphKey
}

type glyphKey struct {
	font *text.Font
	id   uint32
}

func newGlyphs(fs *text.Fonts) *glyphs {
	return &glyphs{fonts: append(text.Embedded(), fs.Extra()...), ids: map[glyphKey]string{}}
}

// id names a glyph, "" for one with no outline (a space).
func (g *glyphs) id(f *text.Font, gid uint32) string {
	k := glyphKey{f, gid}
	if id, ok := g.ids[k]; ok {
		return id
	}
	id := ""
	if len(f.Outline(gid, glyphUnit)) > 0 {
		n := 0
		for i, ff := range g.fonts {
			if ff == f {
				n = i
			}
		}
		id = fmt.Sprintf("kviz-glyph-%d-%d", n, gid)
		g.order = append(g.order, k)
	}
	g.ids[k] = id
	return id
}

// defs writes each glyph used as a path.
func (g *glyphs) defs(w io.Writer) {
	if len(g.order) == 0 {
		return
	}
	io.WriteString(w, "<defs>\n")
	for _, k := range g.order {
		fmt.Fprintf(w, "<path id=\"%s\" d=\"%s\"/>\n", g.ids[k], outlinePath(k.font.Outline(k.id, glyphUnit)))
	}
	io.WriteString(w, "</defs>\n")
}

func outlinePath(segs []text.Segment) string {
	var b strings.Builder
	pt := func(p [2]float64) { b.WriteString(render.F(p[0]) + "," + render.F(p[1])) }
	for i, s := range segs {
		if s.Op == 'M' && i > 0 {
			b.WriteString("Z")
		}
		b.WriteByte(s.Op)
		n := map[byte]int{'M': 1, 'L': 1, 'Q': 2, 'C': 3}[s.Op]
		for j := 0; j < n; j++ {
			if j > 0 {
				b.WriteByte(' ')
			}
			pt(s.Pts[j])
		}
	}
	if len(segs) > 0 {
		b.WriteString("Z")
	}
	return b.String()
}

// outlined draws t as glyph outlines and reports whether it did: text in a
// colour emoji font is left to the <text>.
func (c *canvas) outlined(t render.Text) bool {
	st := text.Style{Size: t.Size, Bold: t.Bold, Italic: t.Italic, Fonts: c.fonts}
	l := text.Shape(t.Text, st)
	for _, r := range l.Runs {
		if r.Font.Emoji {
			return false
		}
	}
	x := t.X
	switch t.Anchor {
	case render.AnchorMiddle:
		x -= l.Width / 2
	case render.AnchorEnd:
		x -= l.Width
	}
	w := c.s.Writer
	fmt.Fprintf(w, "<g %s>", attr("fill", t.Color))
	k := t.Size / glyphUnit
	for _, r := range l.Runs {
		for _, g := range r.Glyphs {
			id := c.glyphs.id(r.Font, g.ID)
			if id == "" {
				continue
			}
			fmt.Fprintf(w, "<use xlink:href=\"#%s\" transform=\"translate(%s,%s) scale(%s)\"/>",
				id, render.F(x+g.X), render.F(t.Y+g.Y), strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.5f", k), "0"), "."))
		}
	}
	io.WriteString(w, "</g>\n")
	return true
}
