package pdf

import (
	"image/color"

	"github.com/kviz/kviz/render/text"
)

// shaped draws text that is not plain Latin (CJK, Arabic, Devanagari: set
// in the scene's fallback fonts and shaped) as the outlines of the glyphs
// the layout measured, filled, with its left end at page x and baseline
// at y: fpdf's own text would draw the embedded font's missing-glyph
// boxes. Colour emoji (bitmaps, no outline) are left out.
func (c *canvas) shaped(l text.Line, x, y float64, col color.NRGBA) {
	drawn := false
	for _, r := range l.Runs {
		for _, g := range r.Glyphs {
			gx, gy := x+g.X, y+g.Y
			for _, s := range r.Font.Outline(g.ID, r.Size) {
				p := s.Pts
				switch s.Op {
				case 'M':
					if drawn {
						c.doc.ClosePath()
					}
					c.doc.MoveTo(gx+p[0][0], gy+p[0][1])
					drawn = true
				case 'L':
					c.doc.LineTo(gx+p[0][0], gy+p[0][1])
				case 'Q':
					c.doc.CurveTo(gx+p[0][0], gy+p[0][1], gx+p[1][0], gy+p[1][1])
				case 'C':
					c.doc.CurveBezierCubicTo(gx+p[0][0], gy+p[0][1], gx+p[1][0], gy+p[1][1], gx+p[2][0], gy+p[2][1])
				}
			}
		}
	}
	if !drawn {
		return
	}
	c.doc.ClosePath()
	c.fill(col)
	c.doc.DrawPath("F")
	c.alpha(255)
}
