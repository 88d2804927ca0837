package layouts

import (
	"github.com/kviz/kviz/model"
	"github.com/kviz/kviz/render/text"
)

// fontScale is how much larger than the defaults a layout sets its text:
// the model's `style: {font-size}` over the default label size, times
// Options.FontScale. Boxes, wrap widths and the legend's rows are measured
// with the scaled text, so labels still fit.
func fontScale(m *model.Model, o Options) float64 {
	k := 1.0
	if m.Style.FontSize > 0 {
		k = m.Style.FontSize / model.DefaultFontSize
	}
	if o.FontScale > 0 {
		k *= o.FontScale
	}
	return k
}

// font is st at the layout's font scale.
func (s settings) font(st text.Style) text.Style {
	st.Size *= s.fontScale
	return st
}
