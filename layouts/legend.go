package layouts

import "github.com/kviz/kviz/render"

// legendBox is a legend being built, in its own coordinates until moved.
type legendBox struct{ *render.Legend }

// legend builds the key of kinds and edge styles the model uses, or nil.
func (b *builder) legend() *legendBox { return nil }

// move places the legend's top-left corner at x, y.
func (l *legendBox) move(x, y float64) {}
