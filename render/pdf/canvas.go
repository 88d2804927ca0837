package pdf

import (
	"image/color"

	"github.com/go-pdf/fpdf"

	"github.com/kviz/kviz/render"
	"github.com/kviz/kviz/render/text"
)

// canvas draws a scene on the current page of an fpdf document, in page
// points: every scene position goes through the frame fr, every length is
// multiplied by its scale.
type canvas struct {
	doc   *fpdf.Fpdf
	fr    render.Frame
	fonts map[int]bool // the faces added to the document, by style index
	paths render.Paths // icon path data, parsed once per document
	set   *text.Fonts  // the page's fallback fonts (render.Scene.Fonts)

	transparency uint8 // 255 less the opacity in force; 0 for opaque
}

func (c *canvas) Open(p render.Part) {
	// A node's link is an annotation over its box; fpdf keeps no
	// structure, so nothing needs closing.
	if n := p.Node; n != nil && n.Link != "" && !p.Title {
		b := c.box(n.Box())
		c.doc.LinkString(b.X, b.Y, b.Width, b.Height, n.Link)
	}
}

func (c *canvas) Close() {}

// box maps a scene box onto the page.
func (c *canvas) box(b render.Box) render.Box {
	p := c.fr.Apply(render.Point{b.X, b.Y})
	return render.Box{X: p[0], Y: p[1], Width: b.Width * c.fr.Scale, Height: b.Height * c.fr.Scale}
}

// trace adds p's outline, each point mapped by tx, to the current path.
func (c *canvas) trace(p render.Path, tx func(render.Point) render.Point) {
	for _, s := range p {
		switch s.Op {
		case 'M':
			q := tx(s.Pts[0])
			c.doc.MoveTo(q[0], q[1])
		case 'L':
			q := tx(s.Pts[0])
			c.doc.LineTo(q[0], q[1])
		case 'C':
			a, b, q := tx(s.Pts[0]), tx(s.Pts[1]), tx(s.Pts[2])
			c.doc.CurveBezierCubicTo(a[0], a[1], b[0], b[1], q[0], q[1])
		case 'Z':
			c.doc.ClosePath()
		}
	}
}

func (c *canvas) Path(p render.Path, pt render.Paint) {
	if len(p) == 0 {
		return
	}
	k := c.fr.Scale
	dash := make([]float64, len(pt.Dash))
	for i, d := range pt.Dash {
		dash[i] = d * k
	}
	c.paint(func() { c.trace(p, c.fr.Apply) }, pt.Fill, pt.Stroke, pt.StrokeWidth*k, dash, false, false)
}

// paint fills, then strokes, the path that trace draws, as the PNG
// encoder does: butt caps and bevel joins, or round ones for icons. A
// fill and a stroke of different opacity are painted one after the other.
func (c *canvas) paint(trace func(), fill, stroke string, width float64, dash []float64, round, evenOdd bool) {
	fc, doFill := render.ParseColor(fill)
	sc, doStroke := render.ParseColor(stroke)
	doStroke = doStroke && width > 0
	op := "F"
	if evenOdd {
		op = "F*"
	}
	if doFill && (!doStroke || fc.A != sc.A) {
		c.fill(fc)
		trace()
		c.doc.DrawPath(op)
		doFill = false
	}
	if !doStroke {
		c.alpha(255)
		return
	}
	c.doc.SetDrawColor(int(sc.R), int(sc.G), int(sc.B))
	c.doc.SetLineWidth(width)
	c.doc.SetDashPattern(dash, 0)
	if round {
		c.doc.SetLineCapStyle("round")
		c.doc.SetLineJoinStyle("round")
	} else {
		c.doc.SetLineCapStyle("butt")
		c.doc.SetLineJoinStyle("bevel")
	}
	op = "D"
	if doFill {
		c.doc.SetFillColor(int(fc.R), int(fc.G), int(fc.B))
		op = "FD"
		if evenOdd {
			op = "FD*"
		}
	}
	c.alpha(sc.A)
	trace()
	c.doc.DrawPath(op)
	c.doc.SetDashPattern(nil, 0)
	c.alpha(255)
}

// fill sets the fill colour and its opacity.
func (c *canvas) fill(col color.NRGBA) {
	c.doc.SetFillColor(int(col.R), int(col.G), int(col.B))
	c.alpha(col.A)
}

// alpha sets the opacity of what follows, 0 to 255, when it changes.
func (c *canvas) alpha(a uint8) {
	if a == 255-c.transparency {
		return
	}
	c.transparency = 255 - a
	c.doc.SetAlpha(float64(a)/255, "Normal")
}

// Icon draws a symbol's elements, three times for replicas, back copies
// first: the same vectors as the SVG and PNG encoders.
func (c *canvas) Icon(ic *render.Icon, sym *render.Symbol) {
	for _, b := range ic.Copies() {
		c.icon(sym, b)
	}
}

func (c *canvas) icon(sym *render.Symbol, b render.Box) {
	u := b.Width / 100 // scene points per icon unit
	tx := func(p render.Point) render.Point {
		return c.fr.Apply(render.Point{b.X + p[0]*u, b.Y + p[1]*u})
	}
	for _, el := range sym.Elements {
		var p render.Path
		switch el.Op {
		case render.OpPath:
			var ok bool
			if p, ok = c.paths.Parse(el.D); !ok {
				continue // a scene decoded from JSON has its paths checked
			}
		case render.OpCircle:
			p = render.Ellipse(render.Box{X: el.X - el.R, Y: el.Y - el.R, Width: 2 * el.R, Height: 2 * el.R})
		case render.OpText:
			size := el.Size * u * c.fr.Scale
			c.text(el.Text, text.Style{Size: size, Bold: true}, tx(render.Point{el.X, el.Y}), render.AnchorMiddle, el.Fill)
			continue
		}
		c.paint(func() { c.trace(p, tx) }, el.Fill, el.Stroke, el.StrokeWidth*u*c.fr.Scale, nil, true, el.EvenOdd)
	}
}

func (c *canvas) Text(t render.Text) {
	st := text.Style{Size: t.Size * c.fr.Scale, Bold: t.Bold, Italic: t.Italic, Fonts: c.set}
	c.text(t.Text, st, c.fr.Apply(render.Point{t.X, t.Y}), t.Anchor, t.Color)
}

// text sets s with its baseline at page point p, in the embedded face
// of st, added to the document the first time it is used.
func (c *canvas) text(s string, st text.Style, p render.Point, anchor render.Anchor, colour string) {
	col, ok := render.ParseColor(colour)
	if !ok || s == "" || st.Size <= 0 {
		return
	}
	if !text.Plain(s, st) {
		l := text.Shape(s, st)
		x := p[0]
		switch anchor {
		case render.AnchorMiddle:
			x -= l.Width / 2
		case render.AnchorEnd:
			x -= l.Width
		}
		c.shaped(l, x, p[1], col)
		return
	}
	c.font(st)
	x := p[0]
	switch w := c.doc.GetStringWidth(s); anchor {
	case render.AnchorMiddle:
		x -= w / 2
	case render.AnchorEnd:
		x -= w
	}
	c.doc.SetTextColor(int(col.R), int(col.G), int(col.B))
	c.alpha(col.A)
	c.doc.Text(x, p[1], s)
	c.alpha(255)
}

// styles are fpdf's names of the four faces, by text.Style's index.
var styles = [...]string{"", "B", "I", "BI"}

// font selects st's face and size, adding the face on first use.
func (c *canvas) font(st text.Style) {
	i := 0
	if st.Bold {
		i |= 1
	}
	if st.Italic {
		i |= 2
	}
	if !c.fonts[i] {
		c.doc.AddUTF8FontFromBytes(family, styles[i], text.TTF(st))
		c.fonts[i] = true
	}
	c.doc.SetFont(family, styles[i], st.Size)
}
