package layouts

import (
	"fmt"
	"strings"

	"github.com/kviz/kviz/model"
	"github.com/kviz/kviz/render"
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
		sc.Nodes = append(sc.Nodes, galleryCell(k, pal, x, y)...)
	}
	return finish(sc, nil), nil
}

// galleryCell is one kind's cell: its icon, and for a group kind a sample
// frame behind it (a member of the cell), over its names.
func galleryCell(k *model.Kind, pal *palette, x, y float64) []render.Node {
	cell := render.Node{ID: k.Name, Kind: k.Name, Label: k.Name, Shape: render.ShapeIcon,
		X: x, Y: y, Width: galleryCellW, Height: galleryCellH}
	cx := x + galleryCellW/2
	sample := render.Box{X: cx - iconSize/2, Y: y + 6, Width: iconSize, Height: iconSize}
	body, glyph := pal.iconColors(k)
	cell.Icon = &render.Icon{Name: k.Name, Box: sample, Fill: body, Glyph: glyph}
	var out []render.Node
	if k.Group() {
		look, shape := pal.groups[k.Name], groupShapes[k.Name]
		out = append(out, render.Node{ID: k.Name + "-sample", Kind: k.Name, Parent: k.Name, Group: true, Shape: render.ShapeGroup,
			X: sample.X - 12, Y: sample.Y - 2, Width: iconSize + 24, Height: iconSize + 4,
			Paint: render.Paint{Fill: look.fill, Stroke: look.stroke, StrokeWidth: shape.width(look), Dash: shape.dash, Radius: 8}})
		cell.Icon.Box = render.Box{X: cx - 16, Y: sample.Y + 8, Width: 32, Height: 32}
	}
	ty := y + 6 + iconSize + 8
	bold := text.Style{Size: 12, Bold: true}
	cell.Lines = lines([]string{k.Name}, bold, cx, ty, pal.text)
	cell.LabelBox = labelBox([]string{k.Name}, bold, cx, ty)
	if len(k.Aliases) > 0 {
		al := text.Wrap(strings.Join(k.Aliases, ", "), aliasText, galleryCellW-12)
		cell.Lines = append(cell.Lines, lines(al, aliasText, cx, ty+bold.Size*text.LineHeight, pal.edge)...)
	}
	return append([]render.Node{cell}, out...)
}
