package model

import (
	"strconv"

	"go.yaml.in/yaml/v3"
)

// Font sizes a diagram's `style: {font-size}` may set, in points: the size
// of node labels, which every other text follows in proportion.
const (
	DefaultFontSize = 12
	MinFontSize     = 6
	MaxFontSize     = 72
)

// fontSize reads `font-size`: a number of points from MinFontSize to
// MaxFontSize.
func (d *decoder) fontSize(v *yaml.Node) float64 {
	if v.Kind == yaml.ScalarNode && (v.Tag == "!!int" || v.Tag == "!!float") {
		f, err := strconv.ParseFloat(v.Value, 64)
		if err == nil && f >= MinFontSize && f <= MaxFontSize {
			return f
		}
		if err == nil {
			d.errorf(v, "font-size %s is out of range: from %d to %d points", v.Value, MinFontSize, MaxFontSize)
			return 0
		}
	}
	d.errorf(v, "font-size must be a number of points, not %s", describe(v))
	return 0
}
