// Package svg encodes a render.Scene as a self-contained SVG document:
// icons defined once as <symbol>s in <defs> and placed with <use>, no
// external references, every text escaped, and each part marked for CSS,
// scripts and tests (a node is a <g> whose id is its model id and whose
// class names its kind; an edge is a <g class="edge"> naming its ends).
package svg

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	svgo "github.com/ajstarks/svgo/float"

	"github.com/kviz/kviz/render"
	"github.com/kviz/kviz/render/text"
)

// Encode writes sc as SVG to w.
func Encode(w io.Writer, sc *render.Scene) error { return EncodeWith(w, sc, Options{}) }

// EncodeWith writes sc as SVG to w as o asks.
func EncodeWith(w io.Writer, sc *render.Scene, o Options) error {
	var buf bytes.Buffer
	c := &canvas{s: svgo.New(&buf), fonts: sc.Fonts}
	var iconText func(render.Text) bool
	if o.EmbedFonts {
		c.glyphs = newGlyphs(sc.Fonts)
		iconText = c.outlined
	}
	c.s.Decimals = 2
	s := c.s
	// role and aria-labelledby let screen readers announce the title.
	// The view box is the page in scene points: a frame only moves it.
	// 0 - x rather than -x: no negative zero.
	pg := sc.Page()
	vx, vy, vw, vh := 0-pg.DX/pg.Scale, 0-pg.DY/pg.Scale, pg.Width/pg.Scale, pg.Height/pg.Scale
	origin := "0 0"
	if sc.Frame != nil {
		origin = render.F(vx) + " " + render.F(vy)
	}
	s.Start(pg.Width, pg.Height, append([]string{fmt.Sprintf(`viewBox="%s %s %s"`, origin, render.F(vw), render.F(vh)),
		`role="img"`, `aria-labelledby="kviz-title"`}, langAttrs(sc.Fonts)...)...)
	fmt.Fprintf(&buf, "<title id=\"kviz-title\">%s</title>\n", escaper.Replace(sc.Title))
	defs(s, sc.Icons, iconText)
	s.Group(attr("font-family", text.Family))
	if render.Painted(sc.Background) {
		s.Rect(vx, vy, vw, vh, `class="background"`, attr("fill", sc.Background))
	}
	render.Draw(sc, c)
	s.Gend()
	if c.glyphs != nil {
		c.glyphs.defs(&buf)
	}
	s.End()
	_, err := w.Write(buf.Bytes())
	return err
}

// canvas draws on an svgo document.
type canvas struct {
	s       *svgo.SVG
	closers []string    // what Close writes, innermost last
	fonts   *text.Fonts // the fallback fonts the layout measured with
	glyphs  *glyphs     // with Options.EmbedFonts, the glyph outlines drawn
}

func (c *canvas) Open(p render.Part) {
	switch {
	case p.Title:
		c.s.Group(`class="group-title"`, attr("data-for", p.Node.ID))
		c.closers = append(c.closers, "</g>\n")
	case p.Node != nil:
		n := p.Node
		class := "node kind-" + n.Kind
		if n.Group {
			class = "group kind-" + n.Kind
		}
		attrs := []string{attr("id", n.ID), attr("class", class)}
		if n.Parent != "" {
			attrs = append(attrs, attr("data-parent", n.Parent))
		}
		c.s.Group(attrs...)
		closer := "</g>\n"
		if n.Link != "" {
			fmt.Fprintf(c.s.Writer, "<a %s>\n", attr("href", n.Link))
			closer = "</a>\n" + closer
		}
		if n.Tooltip != "" {
			c.s.Title(n.Tooltip)
		}
		c.closers = append(c.closers, closer)
	case p.Edge != nil:
		c.s.Group(`class="edge"`, attr("data-from", p.Edge.From), attr("data-to", p.Edge.To))
		c.s.Title(p.Edge.From + " → " + p.Edge.To)
		c.closers = append(c.closers, "</g>\n")
	case p.Legend:
		c.s.Group(`class="legend"`)
		c.closers = append(c.closers, "</g>\n")
	}
}

func (c *canvas) Close() {
	last := len(c.closers) - 1
	io.WriteString(c.s.Writer, c.closers[last])
	c.closers = c.closers[:last]
}

func (c *canvas) Path(p render.Path, pt render.Paint) {
	if len(p) == 0 {
		return
	}
	fill := pt.Fill
	if !render.Painted(fill) {
		fill = "none"
	}
	attrs := []string{attr("fill", fill)}
	if render.Painted(pt.Stroke) && pt.StrokeWidth > 0 {
		attrs = append(attrs, attr("stroke", pt.Stroke), attr("stroke-width", render.F(pt.StrokeWidth)))
		if len(pt.Dash) > 0 {
			attrs = append(attrs, attr("stroke-dasharray", dash(pt.Dash)))
		}
	}
	c.s.Path(p.SVG(), attrs...)
}

// Icon places an icon's symbol, three times for replicas: back copies first.
func (c *canvas) Icon(ic *render.Icon, sym *render.Symbol) {
	id := sym.ID
	size := []string{attr("width", render.F(ic.Box.Width)), attr("height", render.F(ic.Box.Height))}
	for _, b := range ic.Copies() {
		c.s.Use(b.X, b.Y, "#"+id, size...)
	}
}

func (c *canvas) Text(t render.Text) {
	attrs := []string{attr("font-size", render.F(t.Size)), attr("fill", t.Color)}
	if c.glyphs != nil && c.outlined(t) {
		attrs = append(attrs, `fill-opacity="0"`) // drawn as outlines; kept for search
	}
	anchor, dir := direction(t)
	if anchor != "" && anchor != render.AnchorStart {
		attrs = append(attrs, attr("text-anchor", string(anchor)))
	}
	attrs = append(attrs, dir...)
	if t.Bold {
		attrs = append(attrs, `font-weight="bold"`)
	}
	if t.Italic {
		attrs = append(attrs, `font-style="italic"`)
	}
	attrs = append(attrs, c.family(t)...)
	c.s.Text(t.X, t.Y, t.Text, attrs...)
}

func dash(d []float64) string {
	parts := make([]string, len(d))
	for i, v := range d {
		parts[i] = render.F(v)
	}
	return strings.Join(parts, " ")
}

// attr writes name="value" with value escaped: svgo does not escape
// attribute values.
func attr(name, value string) string {
	return name + `="` + escaper.Replace(value) + `"`
}

var escaper = strings.NewReplacer(`&`, "&amp;", `<`, "&lt;", `>`, "&gt;", `"`, "&quot;", `'`, "&#39;", "\n", "&#10;", "\r", "&#13;", "\t", "&#9;")
