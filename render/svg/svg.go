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
func Encode(w io.Writer, sc *render.Scene) error {
	var buf bytes.Buffer
	e := &encoder{s: svgo.New(&buf), symbols: newSymbols(sc)}
	e.s.Decimals = 2
	e.scene(sc)
	_, err := w.Write(buf.Bytes())
	return err
}

type encoder struct {
	s       *svgo.SVG
	symbols *symbols
}

func (e *encoder) scene(sc *render.Scene) {
	s := e.s
	s.Startview(sc.Width, sc.Height, 0, 0, sc.Width, sc.Height)
	s.Title(sc.Title)
	e.symbols.defs(s)
	s.Group(attr("font-family", text.Family))
	if sc.Background != "" {
		s.Rect(0, 0, sc.Width, sc.Height, `class="background"`, attr("fill", sc.Background))
	}
	for i := range sc.Nodes {
		if n := &sc.Nodes[i]; n.Group {
			e.node(n)
		}
	}
	for i := range sc.Edges {
		e.edge(&sc.Edges[i])
	}
	for i := range sc.Nodes {
		if n := &sc.Nodes[i]; !n.Group {
			e.node(n)
		}
	}
	if sc.Legend != nil {
		e.legend(sc.Legend)
	}
	for _, t := range sc.Texts {
		e.text(t, `class="caption"`)
	}
	s.Gend()
	s.End()
}

func (e *encoder) node(n *render.Node) {
	class := "node kind-" + n.Kind
	if n.Group {
		class = "group kind-" + n.Kind
	}
	if len(n.Classes) > 0 {
		class += " " + strings.Join(n.Classes, " ")
	}
	attrs := []string{attr("id", n.ID), attr("class", class)}
	if n.Parent != "" {
		attrs = append(attrs, attr("data-parent", n.Parent))
	}
	e.s.Group(attrs...)
	if n.Link != "" {
		fmt.Fprintf(e.s.Writer, "<a %s>\n", attr("href", n.Link))
	}
	if n.Tooltip != "" {
		e.s.Title(n.Tooltip)
	}
	if p := n.Outline(); p != nil {
		e.shape(p, n.Paint)
		if n.Shape == render.ShapeCylinder {
			e.shape(render.CylinderRim(n.Box()), render.Paint{Stroke: n.Paint.Stroke, StrokeWidth: n.Paint.StrokeWidth})
		}
	}
	if n.Icon != nil {
		e.icon(n.Icon)
	}
	for _, t := range n.Lines {
		e.text(t)
	}
	if n.Link != "" {
		fmt.Fprintln(e.s.Writer, "</a>")
	}
	e.s.Gend()
}

// shape draws an outline with its paint.
func (e *encoder) shape(p render.Path, pt render.Paint) {
	attrs := []string{attr("fill", or(pt.Fill, "none"))}
	if pt.Opacity > 0 && pt.Opacity < 1 {
		attrs = append(attrs, attr("fill-opacity", render.F(pt.Opacity)))
	}
	if pt.Stroke != "" && pt.Stroke != "none" && pt.StrokeWidth > 0 {
		attrs = append(attrs, attr("stroke", pt.Stroke), attr("stroke-width", render.F(pt.StrokeWidth)))
		if len(pt.Dash) > 0 {
			attrs = append(attrs, attr("stroke-dasharray", dash(pt.Dash)))
		}
	}
	e.s.Path(p.SVG(), attrs...)
}

// icon places an icon's symbol, three times for replicas: back copies first.
func (e *encoder) icon(ic *render.Icon) {
	id := e.symbols.id(ic)
	b := ic.Box
	if ic.Replicas {
		for k := 2; k >= 1; k-- {
			off := float64(k * render.StackOffset)
			e.s.Use(b.X+off, b.Y-off, "#"+id, attr("width", render.F(b.Width)), attr("height", render.F(b.Height)))
		}
	}
	e.s.Use(b.X, b.Y, "#"+id, attr("width", render.F(b.Width)), attr("height", render.F(b.Height)))
}

func (e *encoder) edge(ed *render.Edge) {
	e.s.Group(`class="edge"`, attr("data-from", ed.From), attr("data-to", ed.To))
	e.s.Title(ed.From + " → " + ed.To)
	attrs := []string{`fill="none"`, attr("stroke", ed.Color), attr("stroke-width", render.F(ed.Width))}
	if len(ed.Dash) > 0 {
		attrs = append(attrs, attr("stroke-dasharray", dash(ed.Dash)))
	}
	e.s.Path(ed.Spline().SVG(), attrs...)
	for _, a := range []*render.Arrow{ed.Head, ed.Tail} {
		if a == nil {
			continue
		}
		fill := ed.Color
		if a.Open {
			fill = "none"
		}
		e.s.Path(a.Triangle().SVG(), attr("fill", fill), attr("stroke", ed.Color), attr("stroke-width", render.F(ed.Width)), `stroke-linejoin="miter"`)
	}
	for _, t := range ed.Lines {
		e.text(t)
	}
	e.s.Gend()
}

func (e *encoder) legend(l *render.Legend) {
	e.s.Group(`class="legend"`)
	e.shape(render.RoundRect(l.Box, l.Paint.Radius), l.Paint)
	for i := range l.Edges {
		e.edge(&l.Edges[i])
	}
	for i := range l.Nodes {
		n := &l.Nodes[i]
		if p := n.Outline(); p != nil {
			e.shape(p, n.Paint)
		}
		if n.Icon != nil {
			e.icon(n.Icon)
		}
	}
	for _, t := range l.Texts {
		e.text(t)
	}
	e.s.Gend()
}

func (e *encoder) text(t render.Text, extra ...string) {
	attrs := append([]string{attr("font-size", render.F(t.Size)), attr("fill", t.Color)}, extra...)
	if t.Anchor != "" && t.Anchor != "start" {
		attrs = append(attrs, attr("text-anchor", t.Anchor))
	}
	if t.Bold {
		attrs = append(attrs, `font-weight="bold"`)
	}
	if t.Italic {
		attrs = append(attrs, `font-style="italic"`)
	}
	e.s.Text(t.X, t.Y, t.Text, attrs...)
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

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
