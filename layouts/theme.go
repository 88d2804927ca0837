package layouts

import (
	"github.com/kviz/kviz/model"
)

// palette is a theme: colours only. Geometry never depends on it.
type palette struct {
	background string // "" for transparent
	text       string
	edge       string
	legend     paint // the legend's frame

	k8sFill, k8sGlyph         string // Kubernetes icons: body and glyph
	genericFill, genericGlyph string // generic icons
	box                       paint  // box, rounded, ellipse, circle, cylinder
	boxText                   string
	cloud                     paint
	cloudText                 string
	groups                    map[string]groupLook // by kind; "" for other groups
}

type paint struct{ fill, stroke string }

// groupLook is a group kind's frame and title.
type groupLook struct {
	fill, stroke string
	opacity      float64
	text         string
}

// Geometry of the group kinds, the same in every theme.
type groupShape struct {
	strokeWidth float64   // points
	dash        []float64 // points; nil for solid
	radius      float64   // corner radius, points
	bold        bool      // the title is bold
	size        float64   // title size, points
	bottom      bool      // the title goes under the members
	right       bool      // the title is justified right, as in the seed figure
}

var groupShapes = map[string]groupShape{
	"cluster":       {strokeWidth: 0, radius: 24, bold: true, size: 16},
	"control-plane": {strokeWidth: 2.2, dash: []float64{16, 3}, radius: 14, bold: true, size: 14, bottom: true, right: true},
	"node":          {strokeWidth: 0, radius: 10, bold: true, size: 14},
	"namespace":     {strokeWidth: 1, dash: []float64{5, 3}, radius: 8, bold: true, size: 13},
	"":              {strokeWidth: 1, radius: 8, bold: true, size: 13},
}

const k8sBlue = "#326ce5"

var themes = map[string]*palette{
	"kubernetes": {
		background: "#ffffff", text: "#000000", edge: "#000000",
		legend:  paint{"#ffffff", "#d0d0d0"},
		k8sFill: k8sBlue, k8sGlyph: "#ffffff",
		genericFill: "#1175c1", genericGlyph: "#ffffff",
		box: paint{"#ffffff", k8sBlue}, boxText: "#000000",
		cloud: paint{k8sBlue, "none"}, cloudText: "#ffffff",
		groups: map[string]groupLook{
			"cluster":       {fill: "#c6c6c6", stroke: "none", text: "#000000"},
			"control-plane": {fill: "none", stroke: "#336de5", text: "#000000"},
			"node":          {fill: "#e6e6e6", stroke: "none", text: "#000000"},
			"namespace":     {fill: "none", stroke: "#326ce5", text: "#326ce5"},
			"":              {fill: "none", stroke: "#8c8c8c", text: "#000000"},
		},
	},
	"light": {
		background: "#ffffff", text: "#1f2328", edge: "#57606a",
		legend:  paint{"#ffffff", "#d0d7de"},
		k8sFill: k8sBlue, k8sGlyph: "#ffffff",
		genericFill: "#0969da", genericGlyph: "#ffffff",
		box: paint{"#f6f8fa", "#8c959f"}, boxText: "#1f2328",
		cloud: paint{"#ddf4ff", "#54aeff"}, cloudText: "#0a3069",
		groups: map[string]groupLook{
			"cluster":       {fill: "#f6f8fa", stroke: "#d0d7de", text: "#1f2328"},
			"control-plane": {fill: "none", stroke: "#0969da", text: "#0969da"},
			"node":          {fill: "#eaeef2", stroke: "none", text: "#1f2328"},
			"namespace":     {fill: "none", stroke: "#8c959f", text: "#57606a"},
			"":              {fill: "none", stroke: "#afb8c1", text: "#1f2328"},
		},
	},
	"dark": {
		background: "#0d1117", text: "#e6edf3", edge: "#9aa4af",
		legend:  paint{"#161b22", "#30363d"},
		k8sFill: k8sBlue, k8sGlyph: "#ffffff",
		genericFill: "#1f6feb", genericGlyph: "#ffffff",
		box: paint{"#161b22", "#58a6ff"}, boxText: "#e6edf3",
		cloud: paint{"#1f6feb", "none"}, cloudText: "#ffffff",
		groups: map[string]groupLook{
			"cluster":       {fill: "#21262d", stroke: "#30363d", text: "#ffffff"},
			"control-plane": {fill: "none", stroke: "#58a6ff", text: "#e6edf3"},
			"node":          {fill: "#30363d", stroke: "none", text: "#e6edf3"},
			"namespace":     {fill: "none", stroke: "#8b949e", text: "#c9d1d9"},
			"":              {fill: "none", stroke: "#6e7681", text: "#e6edf3"},
		},
	},
	"mono": {
		background: "#ffffff", text: "#000000", edge: "#000000",
		legend:  paint{"#ffffff", "#000000"},
		k8sFill: "#000000", k8sGlyph: "#ffffff",
		genericFill: "#000000", genericGlyph: "#ffffff",
		box: paint{"#ffffff", "#000000"}, boxText: "#000000",
		cloud: paint{"#ffffff", "#000000"}, cloudText: "#000000",
		groups: map[string]groupLook{
			"cluster":       {fill: "none", stroke: "#000000", text: "#000000"},
			"control-plane": {fill: "none", stroke: "#000000", text: "#000000"},
			"node":          {fill: "none", stroke: "#000000", text: "#000000"},
			"namespace":     {fill: "none", stroke: "#000000", text: "#000000"},
			"":              {fill: "none", stroke: "#000000", text: "#000000"},
		},
	},
}

// groupKind is the key of a group's look: its kind if it is a grouping
// kind, "" for any other node with members.
func groupKind(n *model.Node) string {
	if n.Kind.Group() {
		return n.Kind.Name
	}
	return ""
}

// width is a group frame's stroke width in a theme: a kind drawn without
// a line (cluster, node) gets a thin one where the theme strokes it (mono,
// light, dark), so that a frame never vanishes.
func (g groupShape) width(look groupLook) float64 {
	if g.strokeWidth == 0 && look.stroke != "none" && look.stroke != "" {
		return 1.2
	}
	return g.strokeWidth
}

// iconColors are the body and glyph colours of a kind's icon: Kubernetes
// blue for Kubernetes kinds, the generic family's for the rest.
func (p *palette) iconColors(k *model.Kind) (body, glyph string) {
	if k.Family == model.Kubernetes || k.Family == model.Grouping {
		return p.k8sFill, p.k8sGlyph
	}
	return p.genericFill, p.genericGlyph
}

// textOn is the colour for text drawn straight onto bg: the theme's own
// text colour made legible there (see legible).
func (p *palette) textOn(bg string) string { return legible(p.text, bg) }
