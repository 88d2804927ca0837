package png

import (
	"github.com/kviz/kviz/render"
	"github.com/kviz/kviz/render/text"
)

// Icon draws a symbol's elements, three times for replicas, back copies
// first: the same vectors the SVG's <symbol> holds.
func (c *canvas) Icon(ic *render.Icon, sym *render.Symbol) {
	for _, b := range ic.Copies() {
		c.icon(sym, b)
	}
}

func (c *canvas) icon(sym *render.Symbol, b render.Box) {
	u := b.Width / 100 * c.k // pixels per icon unit
	tx := func(p render.Point) (float64, float64) { return b.X*c.k + c.dx + p[0]*u, b.Y*c.k + c.dy + p[1]*u }
	for _, el := range sym.Elements {
		switch el.Op {
		case render.OpPath:
			p, ok := c.paths.Parse(el.D)
			if !ok {
				continue // a scene decoded from JSON has its paths checked
			}
			c.trace(p, tx)
		case render.OpCircle:
			x, y := tx(render.Point{el.X, el.Y})
			c.dc.NewSubPath()
			c.dc.DrawCircle(x, y, el.R*u)
		case render.OpText:
			x, y := tx(render.Point{el.X, el.Y})
			c.text(el.Text, text.Style{Size: el.Size * b.Width / 100, Bold: true}, x, y, render.AnchorMiddle, el.Fill)
			continue
		}
		if el.EvenOdd {
			c.dc.SetFillRuleEvenOdd()
		}
		c.paint(el.Fill, el.Stroke, el.StrokeWidth*u, nil, true)
		c.dc.SetFillRuleWinding()
	}
}
