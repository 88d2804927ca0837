package layouts

import (
	"github.com/kviz/kviz/model"
)

// look is how an edge is drawn: its colour and dash pattern, and its
// arrowhead.
type look struct {
	color string
	dash  string // a key of dashes, or a pattern of relationDashes
	arrow string
}

// Colours given, in turn, to a relation that would otherwise look like one
// named before it: they read on the theme's background at 3:1 or more, as
// lines must (WCAG 2 non-text contrast). The mono theme varies the dash
// pattern instead.
var relationColors = map[string][]string{
	"kubernetes": {"#d1242f", "#1a7f37", "#8250df", "#bc4c00", "#0969da", "#9a6700", "#bf3989"},
	"light":      {"#d1242f", "#1a7f37", "#8250df", "#bc4c00", "#0969da", "#9a6700", "#bf3989"},
	"dark":       {"#ff7b72", "#3fb950", "#d2a8ff", "#ffa657", "#79c0ff", "#e3b341", "#ff9bce"},
}

// relationDashes are the mono theme's extra dash patterns, in points.
var relationDashes = map[string][]float64{
	"dash-dot":  {8, 3, 1.5, 3},
	"long-dash": {12, 4},
	"dash-dot2": {8, 3, 1.5, 3, 1.5, 3},
	"short":     {3, 2},
}

var relationDashOrder = []string{"solid", "dashed", "dotted", "dash-dot", "long-dash", "dash-dot2", "short"}

// relationLooks gives every relation a look of its own: a relation whose
// edges name no colour, and whose style and arrowhead match a relation
// listed before it, is drawn in the next unused colour (dash, in mono).
// Edges without a relation, and colours the model names, are left alone.
func (b *builder) relationLooks() map[string]look {
	out := map[string]look{}
	used := map[look]bool{}
	next := 0
	for _, e := range b.m.Edges {
		if e.Relation == "" {
			continue
		}
		if _, done := out[e.Relation]; done {
			continue
		}
		l := look{or(e.Color, b.s.pal.edge), or(e.Style, "solid"), or(e.Arrow, "normal")}
		for used[l] && e.Color == "" {
			alt, ok := b.variant(l, next)
			next++
			if !ok {
				break
			}
			l = alt
		}
		used[l] = true
		out[e.Relation] = l
	}
	return out
}

// variant is the i-th alternative look to l, if there is one.
func (b *builder) variant(l look, i int) (look, bool) {
	if colors := relationColors[b.s.theme]; len(colors) > 0 {
		if i >= len(colors) {
			return l, false
		}
		l.color = colors[i]
		return l, true
	}
	if i >= len(relationDashOrder) {
		return l, false
	}
	l.dash = relationDashOrder[i]
	return l, true
}

// edgeLook is how edge e is drawn.
func (b *builder) edgeLook(e *model.Edge) look {
	if l, ok := b.looks[e.Relation]; ok && e.Relation != "" {
		if e.Color != "" {
			l.color = e.Color
		}
		if e.Style != "" {
			l.dash = e.Style // an edge's own style wins over its relation's
		}
		return l
	}
	return look{or(e.Color, b.s.pal.edge), or(e.Style, "solid"), or(e.Arrow, "normal")}
}

// pattern is a look's dash pattern in points; nil for solid.
func (l look) pattern() []float64 {
	if d, ok := dashes[l.dash]; ok {
		return d
	}
	return relationDashes[l.dash]
}
