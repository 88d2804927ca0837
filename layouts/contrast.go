package layouts

import (
	"fmt"
	"image/color"
	"math"

	"github.com/kviz/kviz/render"
)

// minContrast is WCAG 2 AA's least contrast ratio for normal text: every
// text kviz colours itself reaches it against what is behind it.
const minContrast = 4.5

// luminance is WCAG 2's relative luminance of an sRGB colour.
func luminance(c color.NRGBA) float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// contrast is WCAG 2's contrast ratio of two colours, 1 to 21; 0 when
// either cannot be read.
func contrast(a, b string) float64 {
	ca, oka := render.ParseColor(a)
	cb, okb := render.ParseColor(b)
	if !oka || !okb {
		return 0
	}
	return ratio(ca, cb)
}

// ratio is WCAG 2's contrast ratio of two colours, 1 to 21.
func ratio(a, b color.NRGBA) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// legible is fg when it reads on bg (at least minContrast), else fg
// mixed towards black or white, whichever reads better on bg, in steps of
// 5% until it does: a theme's blue title on grey becomes a darker blue,
// not black. A bg kviz cannot read leaves fg as it is.
func legible(fg, bg string) string {
	if _, ok := render.ParseColor(bg); !ok || contrast(fg, bg) >= minContrast {
		return fg
	}
	c, ok := render.ParseColor(fg)
	if !ok {
		return fg
	}
	target := 0.0
	if contrast("#000000", bg) < contrast("#ffffff", bg) {
		target = 255
	}
	for k := 1; k <= 20; k++ {
		f := float64(k) / 20
		mix := func(v uint8) uint8 { return uint8(math.Round(float64(v) + f*(target-float64(v)))) }
		out := fmt.Sprintf("#%02x%02x%02x", mix(c.R), mix(c.G), mix(c.B))
		if contrast(out, bg) >= minContrast {
			return out
		}
	}
	return fg
}
