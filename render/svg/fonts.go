package svg

import (
	"github.com/kviz/kviz/render"
	"github.com/kviz/kviz/render/text"
)

// family names, for a text set partly in fallback fonts, the families it
// was measured with, so that a browser or librsvg that has them draws
// text that fits. Text in the embedded font alone inherits the document's
// family.
func (c *canvas) family(t render.Text) []string {
	if len(c.fonts.Extra()) == 0 {
		return nil
	}
	st := text.Style{Size: t.Size, Bold: t.Bold, Italic: t.Italic, Fonts: c.fonts}
	fam := text.CSSFamily(c.fonts.Used(t.Text, st))
	if fam == text.Family {
		return nil
	}
	return []string{attr("font-family", fam)}
}

// langAttrs mark the document's language, which picks the regional forms
// of Han characters in a browser as it did in the layout.
func langAttrs(fs *text.Fonts) []string {
	if fs == nil || fs.Lang == "" {
		return nil
	}
	return []string{attr("xml:lang", fs.Lang), attr("lang", fs.Lang)}
}

// direction sets a right-to-left paragraph (one whose first strong
// character is Arabic or Hebrew) with direction="rtl", as the layout
// ordered it; its text-anchor then counts from the right, so start and end
// swap to keep the text where the layout put it.
func direction(t render.Text) (anchor render.Anchor, attrs []string) {
	if !text.RTL(t.Text) {
		return t.Anchor, nil
	}
	switch t.Anchor {
	case "", render.AnchorStart:
		return render.AnchorEnd, []string{`direction="rtl"`}
	case render.AnchorEnd:
		return render.AnchorStart, []string{`direction="rtl"`}
	}
	return t.Anchor, []string{`direction="rtl"`}
}
