package layouts

import (
	"github.com/kviz/kviz/model"
	"github.com/kviz/kviz/render"
	"github.com/kviz/kviz/render/icon"
	"github.com/kviz/kviz/render/text"
)

// Sizes, in points.
const (
	iconSize     = 48  // an icon's square
	iconGap      = 4   // between an icon and its label
	iconLabelMax = 130 // labels under icons wrap at this width
	boxLabelMax  = 180 // labels in boxes wrap at this width
	boxPadX      = 14  // box padding around its label
	boxPadY      = 9
	boxMinW      = 72
	boxMinH      = 36
	edgeLabelMax = 160
	framePad     = 5 // inside a framed icon node
)

// Text styles.
var (
	labelText = text.Style{Size: 12}
	edgeText  = text.Style{Size: 11}
)

// leaf is a measured leaf node: its shape, box size and label lines.
type leaf struct {
	shape  render.Shape
	w, h   float64 // the node's box
	inner  float64 // for a framed icon: the height of icon and label inside the frame
	framed bool    // an icon with a frame around icon and label
	lines  []string
	style  text.Style
	icon   string // icon name, "" for none
	stack  bool
}

// shapeOf picks how a node is drawn: `style.shape` first, then its kind's.
// iconName is the icon it would show.
func shapeOf(n *model.Node, iconName string) render.Shape {
	if n.Style.Shape != "" {
		return render.Shape(n.Style.Shape)
	}
	switch n.Kind.Name {
	case "cloud":
		return render.ShapeCloud
	case "text":
		return render.ShapeText
	case "box":
		return render.ShapeRounded
	}
	if n.IconFile != nil || icon.Has(iconName) {
		return render.ShapeIcon
	}
	return render.ShapeRounded
}

// iconName is the icon a node shows: its icon file's (from files), its
// `icon`, else its kind's.
func iconName(n *model.Node, files map[*model.Node]string) string {
	if name, ok := files[n]; ok {
		return name
	}
	if n.Icon != nil {
		return n.Icon.Name
	}
	return n.Kind.Name
}

// measureLeaf measures a leaf whose text is k times the default size, set
// in fonts after the embedded one.
func measureLeaf(n *model.Node, iconName string, k float64, fonts *text.Fonts) leaf {
	l := leaf{shape: shapeOf(n, iconName), style: labelText}
	l.style.Size *= k
	l.style.Fonts = fonts
	if n.Style.FontWeight == "bold" {
		l.style.Bold = true
	}
	switch l.shape {
	case render.ShapeIcon:
		l.icon = iconName
		l.stack = n.Replicas > 1
		side := float64(iconSize)
		if l.stack {
			side += 2 * render.StackOffset
		}
		l.lines = wrap(n.Label, l.style, iconLabelMax*k)
		tw, th := text.Block(l.lines, l.style)
		l.w = max(side, tw+4)
		l.h = side
		if th > 0 {
			l.h += iconGap + th
		}
		l.inner = l.h
		// An icon has no frame of its own: a dash or stroke draws one
		// around the whole node (a "missing" object is dashed).
		l.framed = n.Style.Dash != "" || n.Style.Stroke != ""
		if l.framed {
			l.w, l.h = l.w+2*framePad, l.h+2*framePad // a frame is drawn: keep it off the icon and label
		}
	case render.ShapeText:
		l.lines = wrap(n.Label, l.style, boxLabelMax*k)
		tw, th := text.Block(l.lines, l.style)
		l.w, l.h = max(tw, 8), max(th, 8)
	default:
		l.lines = wrap(n.Label, l.style, boxLabelMax*k)
		tw, th := text.Block(l.lines, l.style)
		padX, padY := float64(boxPadX), float64(boxPadY)
		switch l.shape {
		case render.ShapeCloud:
			// A cloud's bumps eat into its box; its text needs more room.
			padX, padY = tw*0.25+18, th*0.3+16
		case render.ShapeEllipse, render.ShapeCircle:
			padX, padY = tw*0.21+10, th*0.21+8 // the inscribed rectangle of an ellipse is 1/√2 of it
		case render.ShapeCylinder:
			padY += 10 // the drum's top
		}
		l.w, l.h = max(tw+2*padX, boxMinW), max(th+2*padY, boxMinH)
		if l.shape == render.ShapeCircle {
			l.w = max(l.w, l.h)
			l.h = l.w
		}
	}
	return l
}

// wrap is text.Wrap that gives no lines for an empty label.
func wrap(s string, st text.Style, width float64) []string {
	if s == "" {
		return nil
	}
	return text.Wrap(s, st, width)
}

// groupTitle is a group's title style.
func groupTitle(n *model.Node) text.Style {
	gs := groupShapes[groupKind(n)]
	st := text.Style{Size: gs.size, Bold: gs.bold}
	if n.Style.FontWeight != "" {
		st.Bold = n.Style.FontWeight == "bold"
	}
	return st
}

// groupBottom reports whether a group's title goes under its members.
func groupBottom(n *model.Node) bool {
	if n.Style.LabelPosition != "" {
		return n.Style.LabelPosition == "bottom"
	}
	return groupShapes[groupKind(n)].bottom
}
