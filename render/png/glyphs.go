package png

import (
	"image"
	"image/color"

	"golang.org/x/image/draw"

	"github.com/kviz/kviz/render/text"
)

// shaped draws a shaped line with its left end at pixel x and its baseline
// at pixel y: outline glyphs filled from their font's outlines, colour
// glyphs (emoji) as their pictures, scaled to the size.
func (c *canvas) shaped(l text.Line, x, y float64, col color.Color) {
	dc := c.dc
	for _, r := range l.Runs {
		size := r.Size * c.k
		for _, g := range r.Glyphs {
			gx, gy := x+g.X*c.k, y+g.Y*c.k
			out := r.Font.Outline(g.ID, size)
			if len(out) == 0 {
				if r.Font.Emoji {
					c.picture(r.Font, g.ID, size, gx, gy)
				}
				continue
			}
			dc.NewSubPath()
			for _, s := range out {
				p := s.Pts
				switch s.Op {
				case 'M':
					dc.MoveTo(gx+p[0][0], gy+p[0][1])
				case 'L':
					dc.LineTo(gx+p[0][0], gy+p[0][1])
				case 'Q':
					dc.QuadraticTo(gx+p[0][0], gy+p[0][1], gx+p[1][0], gy+p[1][1])
				case 'C':
					dc.CubicTo(gx+p[0][0], gy+p[0][1], gx+p[1][0], gy+p[1][1], gx+p[2][0], gy+p[2][1])
				}
			}
			dc.ClosePath()
		}
	}
	dc.SetColor(col)
	dc.SetFillRuleWinding()
	dc.Fill()
}

// picture draws a colour glyph's picture into its box, at pixel gx, gy.
func (c *canvas) picture(f *text.Font, id uint32, size, gx, gy float64) {
	img, x, y, w, h, ok := f.Picture(id, size)
	if !ok {
		return
	}
	dst := c.dc.Image().(*image.RGBA)
	r := image.Rect(int(gx+x+0.5), int(gy+y+0.5), int(gx+x+w+0.5), int(gy+y+h+0.5))
	draw.CatmullRom.Scale(dst, r, img, img.Bounds(), draw.Over, nil)
}
