package layouts

import (
	"fmt"
	"strings"

	"github.com/kviz/kviz/model"
	"github.com/kviz/kviz/render"
	"github.com/kviz/kviz/render/icon"
	"github.com/kviz/kviz/render/text"
)

// Gallery cell geometry, in points.
const (
	galleryCols  = 6
	galleryCellW = 150
	galleryCellH = 118
)

var aliasText = text.Style{Size: 10}

// Gallery draws every kind of the catalogue with its icon, canonical name
// and aliases, in catalogue order, in the given theme.
func Gallery(theme string) (*render.Scene, error) {
	pal, ok := themes[theme]
	if !ok {
		return nil, fmt.Errorf("unknown theme %q", theme)
	}
	const pad = 16
	title := text.Style{Size: 18, Bold: true}
	top := pad + title.Size*text.LineHeight + titleGap
	rows := (len(model.Kinds) + galleryCols - 1) / galleryCols
	sc := &render.Scene{Title: "kviz kinds", Background: pal.background,
		Width: 2*pad + galleryCols*galleryCellW, Height: top + float64(rows)*galleryCellH + pad}
	sc.Texts = lines([]string{"kviz kinds"}, title, sc.Width/2, pad, pal.text)
	for i, k := range model.Kinds {
		x := pad + float64(i%galleryCols)*galleryCellW
		y := top + float64(i/galleryCols)*galleryCellH
		sc.Nodes = append(sc.Nodes, galleryCell(k, pal, x, y))
	}
	return sc, nil
}

func galleryCell(k *model.Kind, pal *palette, x, y float64) render.Node {
	n := render.Node{ID: k.Name, Kind: k.Name, Label: k.Name, X: x, Y: y, Width: galleryCellW, Height: galleryCellH}
	cx := x + galleryCellW/2
	sample := render.Box{X: cx - iconSize/2, Y: y + 6, Width: iconSize, Height: iconSize}
	switch {
	case k.Group():
		// A group kind is shown as its frame, and its icon inside.
		look, shape := pal.groups[k.Name], groupShapes[k.Name]
		n.Shape = render.ShapeGroup
		n.Paint = render.Paint{Fill: look.fill, Stroke: look.stroke, StrokeWidth: shape.width(look), Dash: shape.dash, Radius: 8}
		n.X, n.Y, n.Width, n.Height = sample.X-12, sample.Y-4, iconSize+24, iconSize+8
		n.Icon = &render.Icon{Name: k.Name, Box: render.Box{X: cx - 16, Y: sample.Y + 4, Width: 32, Height: 32}, Fill: pal.k8sFill, Glyph: pal.k8sGlyph}
	case icon.Has(k.Name):
		n.Shape = render.ShapeIcon
		body, glyph := pal.iconColors(k)
		n.Icon = &render.Icon{Name: k.Name, Box: sample, Fill: body, Glyph: glyph}
	default:
		n.Shape = render.ShapeRounded
		n.Paint = render.Paint{Fill: pal.box.fill, Stroke: pal.box.stroke, StrokeWidth: 1.2, Radius: 8}
		n.X, n.Y, n.Width, n.Height = sample.X-8, sample.Y+8, iconSize+16, iconSize-16
	}
	ty := y + 6 + iconSize + 8
	bold := text.Style{Size: 12, Bold: true}
	n.Lines = lines([]string{k.Name}, bold, cx, ty, pal.text)
	if len(k.Aliases) > 0 {
		al := text.Wrap(strings.Join(k.Aliases, ", "), aliasText, galleryCellW-12)
		n.Lines = append(n.Lines, lines(al, aliasText, cx, ty+bold.Size*text.LineHeight, pal.edge)...)
	}
	// The cell, not the sample, is the node's box in the scene.
	n.LabelBox = labelBox([]string{k.Name}, bold, cx, ty)
	return n
}
