package svg

import (
	svgo "github.com/ajstarks/svgo/float"

	"github.com/kviz/kviz/render"
	"github.com/kviz/kviz/render/text"
)

// defs writes the scene's icons, each a <symbol> in a 100×100 view box
// under its own id, in the scene's order. outline, when not nil, draws an
// icon's text as glyph outlines and reports whether it did
// (Options.EmbedFonts).
func defs(out *svgo.SVG, icons []render.Symbol, outline func(render.Text) bool) {
	if len(icons) == 0 {
		return
	}
	out.Def()
	for _, s := range icons {
		out.Writer.Write([]byte(`<symbol ` + attr("id", s.ID) + ` viewBox="0 0 100 100">` + "\n"))
		for _, el := range s.Elements {
			if el.Op == render.OpText && outline != nil &&
				outline(render.Text{X: el.X, Y: el.Y, Text: el.Text, Size: el.Size, Bold: true, Anchor: render.AnchorMiddle, Color: el.Fill}) {
				continue
			}
			element(out, el)
		}
		out.Writer.Write([]byte("</symbol>\n"))
	}
	out.DefEnd()
}

func element(out *svgo.SVG, el render.Element) {
	fill := el.Fill
	if !render.Painted(fill) {
		fill = "none"
	}
	attrs := []string{attr("fill", fill)}
	if el.EvenOdd {
		attrs = append(attrs, `fill-rule="evenodd"`)
	}
	if render.Painted(el.Stroke) && el.StrokeWidth > 0 {
		attrs = append(attrs, attr("stroke", el.Stroke), attr("stroke-width", render.F(el.StrokeWidth)),
			`stroke-linejoin="round"`, `stroke-linecap="round"`)
	}
	switch el.Op {
	case render.OpPath:
		out.Path(el.D, attrs...)
	case render.OpCircle:
		out.Circle(el.X, el.Y, el.R, attrs...)
	case render.OpText:
		attrs = append(attrs, attr("font-size", render.F(el.Size)), `font-weight="bold"`, `text-anchor="middle"`, attr("font-family", text.Family))
		out.Text(el.X, el.Y, el.Text, attrs...)
	}
}
