package render

import (
	"image/color"
	"strconv"
	"strings"

	"golang.org/x/image/colornames"
)

// ParseColor reads a CSS colour as kviz writes them: #rgb, #rrggbb,
// #rrggbbaa or an SVG colour name. ok is false for "none", "transparent",
// "" and anything it cannot read.
func ParseColor(s string) (c color.NRGBA, ok bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if named, found := colornames.Map[s]; found {
		return color.NRGBA{named.R, named.G, named.B, named.A}, true
	}
	if !strings.HasPrefix(s, "#") {
		return c, false
	}
	h := s[1:]
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	if len(h) == 6 {
		h += "ff"
	}
	if len(h) != 8 {
		return c, false
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return c, false
	}
	return color.NRGBA{uint8(v >> 24), uint8(v >> 16), uint8(v >> 8), uint8(v)}, true
}
