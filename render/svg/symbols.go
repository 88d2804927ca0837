package svg

import (
	"strconv"

	svgo "github.com/ajstarks/svgo/float"

	"github.com/kviz/kviz/render"
	"github.com/kviz/kviz/render/icon"
	"github.com/kviz/kviz/render/text"
)

// symbols gives each icon in each colouring used one <symbol>: defined
// once, in order of first use, and only if used.
type symbols struct {
	ids   map[key]string
	order []key
	// outline, when set, draws an icon's text as glyph outlines and
	// reports whether it did (svg.Options.EmbedFonts).
	outline func(render.Text) bool
}

type key struct{ name, fill, glyph string }

func newSymbols(sc *render.Scene) *symbols {
	s := &symbols{ids: map[key]string{}}
	add := func(ic *render.Icon) {
		if ic == nil || icon.Lookup(ic.Name) == nil {
			return
		}
		k := key{ic.Name, ic.Fill, ic.Glyph}
		if _, ok := s.ids[k]; ok {
			return
		}
		id := "kviz-" + ic.Name
		for n := 2; s.taken(id); n++ {
			id = "kviz-" + ic.Name + "-" + strconv.Itoa(n)
		}
		s.ids[k] = id
		s.order = append(s.order, k)
	}
	for i := range sc.Nodes {
		add(sc.Nodes[i].Icon)
	}
	if sc.Legend != nil {
		for i := range sc.Legend.Nodes {
			add(sc.Legend.Nodes[i].Icon)
		}
	}
	return s
}

func (s *symbols) taken(id string) bool {
	for _, v := range s.ids {
		if v == id {
			return true
		}
	}
	return false
}

func (s *symbols) id(ic *render.Icon) string { return s.ids[key{ic.Name, ic.Fill, ic.Glyph}] }

// defs writes the symbols, each in a 100×100 view box.
func (s *symbols) defs(out *svgo.SVG) {
	if len(s.order) == 0 {
		return
	}
	out.Def()
	for _, k := range s.order {
		out.Writer.Write([]byte(`<symbol ` + attr("id", s.ids[k]) + ` viewBox="0 0 100 100">` + "\n"))
		for _, el := range icon.Lookup(k.name).Elements {
			if fill, _ := el.Paint(k.fill, k.glyph); el.Op == icon.Text && s.outline != nil &&
				s.outline(render.Text{X: el.X, Y: el.Y, Text: el.Text, Size: el.Size, Bold: true, Anchor: "middle", Color: fill}) {
				continue
			}
			element(out, el, k)
		}
		out.Writer.Write([]byte("</symbol>\n"))
	}
	out.DefEnd()
}

func element(out *svgo.SVG, el icon.Element, k key) {
	fill, stroke := el.Paint(k.fill, k.glyph)
	if !render.Painted(fill) {
		fill = "none"
	}
	attrs := []string{attr("fill", fill)}
	if el.EvenOdd {
		attrs = append(attrs, `fill-rule="evenodd"`)
	}
	if render.Painted(stroke) && el.StrokeWidth > 0 {
		attrs = append(attrs, attr("stroke", stroke), attr("stroke-width", render.F(el.StrokeWidth)),
			`stroke-linejoin="round"`, `stroke-linecap="round"`)
	}
	switch el.Op {
	case icon.Path:
		out.Path(el.D, attrs...)
	case icon.Circle:
		out.Circle(el.X, el.Y, el.R, attrs...)
	case icon.Text:
		attrs = append(attrs, attr("font-size", render.F(el.Size)), `font-weight="bold"`, `text-anchor="middle"`, attr("font-family", text.Family))
		out.Text(el.X, el.Y, el.Text, attrs...)
	}
}
