// Package png rasterizes a render.Scene itself, with the embedded font the
// layout measured with, so a PNG looks like the SVG on every machine. It
// runs no external program and reads nothing from the host.
package png

import (
	"fmt"
	"image"
	"image/color"
	"io"
	"math"

	"github.com/fogleman/gg"
	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"

	"github.com/kviz/kviz/render"
	"github.com/kviz/kviz/render/text"
)

// MaxPixels bounds the image: a larger scene or scale is refused rather
// than exhausting memory (a 4-byte pixel each).
const MaxPixels = 100 << 20

// Encode rasterizes sc at scale pixels per point (1 when 0) and writes it
// as PNG, compressed for speed.
func Encode(w io.Writer, sc *render.Scene, scale float64) error {
	if scale <= 0 {
		scale = 1
	}
	img, err := Rasterize(sc, scale)
	if err != nil {
		return err
	}
	return write(w, img, scale)
}

// Size is the pixel size of sc's page at scale.
func Size(sc *render.Scene, scale float64) (int, int) {
	pg := sc.Page()
	return int(math.Ceil(pg.Width*scale - 1e-9)), int(math.Ceil(pg.Height*scale - 1e-9))
}

// Rasterize draws sc at scale pixels per point.
func Rasterize(sc *render.Scene, scale float64) (*image.RGBA, error) {
	if scale <= 0 {
		scale = 1
	}
	w, h := Size(sc, scale)
	if w < 1 || h < 1 || float64(w)*float64(h) > MaxPixels {
		return nil, fmt.Errorf("a %d×%d pixel image is too large (at most %d pixels)", w, h, MaxPixels)
	}
	pg := sc.Page()
	c := &canvas{dc: gg.NewContext(w, h), k: scale * pg.Scale, dx: pg.DX * scale, dy: pg.DY * scale, fonts: sc.Fonts}
	if bg, ok := render.ParseColor(sc.Background); ok {
		c.dc.SetColor(bg)
		c.dc.Clear()
	}
	render.Draw(sc, c)
	return c.dc.Image().(*image.RGBA), nil
}

// canvas draws with gg in pixels: every length is multiplied by k, and
// every position moved by dx, dy (the page's frame), here, not by a gg
// transform, since gg scales neither line widths, dashes nor text with
// its matrix.
type canvas struct {
	dc     *gg.Context
	k      float64
	dx, dy float64
	paths  render.Paths // icon path data, parsed once per image
	fonts  *text.Fonts  // after the embedded font, as the layout measured with
}

func (c *canvas) Open(render.Part) {}
func (c *canvas) Close()           {}

func (c *canvas) trace(p render.Path, tx func(render.Point) (float64, float64)) {
	c.dc.NewSubPath()
	for _, s := range p {
		switch s.Op {
		case 'M':
			c.dc.MoveTo(tx(s.Pts[0]))
		case 'L':
			c.dc.LineTo(tx(s.Pts[0]))
		case 'C':
			x1, y1 := tx(s.Pts[0])
			x2, y2 := tx(s.Pts[1])
			x3, y3 := tx(s.Pts[2])
			c.dc.CubicTo(x1, y1, x2, y2, x3, y3)
		case 'Z':
			c.dc.ClosePath()
		}
	}
}

func (c *canvas) scale(p render.Point) (float64, float64) { return p[0]*c.k + c.dx, p[1]*c.k + c.dy }

func (c *canvas) Path(p render.Path, pt render.Paint) {
	if len(p) == 0 {
		return
	}
	c.trace(p, c.scale)
	c.paint(pt.Fill, pt.Stroke, pt.StrokeWidth*c.k, pt.Dash, false)
}

// paint fills and strokes the current path, then clears it.
func (c *canvas) paint(fill, stroke string, width float64, dash []float64, round bool) {
	dc := c.dc
	if col, ok := render.ParseColor(fill); ok {
		dc.SetColor(col)
		dc.FillPreserve()
	}
	if col, ok := render.ParseColor(stroke); ok && width > 0 {
		dc.SetColor(col)
		dc.SetLineWidth(width)
		if round {
			dc.SetLineCapRound()
			dc.SetLineJoinRound()
		} else {
			dc.SetLineCapButt()
			dc.SetLineJoinBevel()
		}
		scaled := make([]float64, len(dash))
		for i, d := range dash {
			scaled[i] = d * c.k
		}
		dc.SetDash(scaled...)
		dc.StrokePreserve()
		dc.SetDash()
	}
	dc.ClearPath()
}

func (c *canvas) Text(t render.Text) {
	c.text(t.Text, text.Style{Size: t.Size, Bold: t.Bold, Italic: t.Italic, Fonts: c.fonts}, t.X*c.k+c.dx, t.Y*c.k+c.dy, t.Anchor, t.Color)
}

// text draws s with its baseline at pixel x, y, kerned, from a face made
// at the final pixel size: no scaled bitmaps.
func (c *canvas) text(s string, st text.Style, x, y float64, anchor render.Anchor, colour string) {
	col, ok := render.ParseColor(colour)
	if !ok || s == "" {
		return
	}
	if !text.Plain(s, st) {
		l := text.Shape(s, st)
		switch anchor {
		case render.AnchorMiddle:
			x -= l.Width * c.k / 2
		case render.AnchorEnd:
			x -= l.Width * c.k
		}
		c.shaped(l, x, y, col)
		return
	}
	text.WithFace(st, c.k, func(f font.Face) {
		w := float64(font.MeasureString(f, s)) / 64
		switch anchor {
		case render.AnchorMiddle:
			x -= w / 2
		case render.AnchorEnd:
			x -= w
		}
		// font.Drawer kerns and draws the face's own masks straight onto
		// the image; gg's DrawString resamples every glyph through a
		// bilinear transform, which costs time and buys nothing here.
		d := font.Drawer{Dst: c.dc.Image().(*image.RGBA), Src: image.NewUniform(color.NRGBA(col)), Face: f,
			Dot: fixed.Point26_6{X: fixed.Int26_6(math.Round(x * 64)), Y: fixed.Int26_6(math.Round(y * 64))}}
		d.DrawString(s)
	})
}
