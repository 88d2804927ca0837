package layouts

import (
	"strconv"

	"github.com/kviz/kviz/model"
	"github.com/kviz/kviz/render"
	"github.com/kviz/kviz/render/text"
)

// badgeMin is the fewest replicas that get a count: up to three, the
// stack of three copies says it.
const badgeMin = 4

// Badge geometry, in points.
var badgeText = text.Style{Size: 9, Bold: true}

const (
	badgePadX = 4
	badgeH    = 13
)

// badge is the "×N" pill of a node with more than three replicas, at the
// top-right corner of its icon stack (of its box, for other shapes), in
// the icon's colours swapped: body-coloured text on the glyph colour.
func (b *builder) badge(n *model.Node, rn *render.Node) *render.Badge {
	if n.Replicas < badgeMin {
		return nil
	}
	label := "×" + strconv.Itoa(n.Replicas)
	w := text.Width(label, badgeText) + 2*badgePadX
	right, top := rn.X+rn.Width, rn.Y
	fill, ink := b.s.pal.background, b.s.pal.text
	if ic := rn.Icon; ic != nil {
		right, top = ic.Box.X+ic.Box.Width, ic.Box.Y
		if ic.Replicas {
			right += 2 * render.StackOffset
			top -= 2 * render.StackOffset
		}
		fill, ink = ic.Glyph, ic.Fill
	}
	if !render.Painted(fill) {
		fill = "#ffffff"
	}
	ink = legible(ink, fill)
	box := render.Box{X: right - w, Y: top, Width: w, Height: badgeH}
	return &render.Badge{Box: box,
		Paint: render.Paint{Fill: fill, Stroke: ink, StrokeWidth: 1},
		Text: render.Text{X: box.X + w/2, Y: box.Y + (badgeH-badgeText.Size*text.LineHeight)/2 + text.Baseline(badgeText),
			Text: label, Size: badgeText.Size, Bold: true, Anchor: render.AnchorMiddle, Color: ink}}
}
