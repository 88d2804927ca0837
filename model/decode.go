package model

import (
	"cmp"
	"fmt"
	"net/url"
	"path"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"
	"golang.org/x/image/colornames"
)

// The enumerations of format v1.
var (
	Directions  = []string{"TB", "LR", "BT", "RL"}
	Engines     = []string{"dot", "neato", "fdp", "circo", "twopi", "osage"}
	Themes      = []string{"kubernetes", "light", "dark", "mono"}
	Dashes      = []string{"solid", "dashed", "dotted"}
	Arrows      = []string{"normal", "open", "none"}
	Dirs        = []string{"forward", "back", "both", "none"}
	FontWeights = []string{"normal", "bold"}
	LabelPlaces = []string{"top", "bottom"}
	Shapes      = []string{"icon", "box", "rounded", "ellipse", "circle", "cloud", "cylinder", "text"}
	Splines     = []string{"curved", "ortho", "polyline", "line"}
)

var (
	topKeys       = []string{"title", "caption", "direction", "layout", "splines", "align", "theme", "legend", "fonts", "lang", "style", "nodes", "edges", "steps"}
	nodeKeys      = []string{"id", "kind", "label", "nodes", "replicas", "style", "icon", "tooltip", "link"}
	nodeStyleKeys = []string{"fill", "stroke", "color", "dash", "font-weight", "label-position", "shape", "columns"}
	diagStyleKeys = []string{"background", "color", "font-size"}
	edgeKeys      = []string{"from", "to", "label", "style", "arrow", "dir", "color", "relation"}
)

func (d *decoder) model(root *yaml.Node) *Model {
	m := &Model{File: d.file, Direction: "TB", Engine: "dot", Theme: "kubernetes", byID: map[string]*Node{}}
	d.m = m
	var edges, align, steps *yaml.Node
	d.fields(root, "the model", topKeys, func(key string, v *yaml.Node) {
		switch key {
		case "title":
			m.Title, _ = d.str(v, "title")
			m.TitlePos = d.pos(v)
		case "caption":
			m.Caption, _ = d.str(v, "caption")
			m.CaptionPos = d.pos(v)
		case "fonts":
			m.Fonts = d.fonts(v)
		case "lang":
			m.Lang = d.lang(v)
		case "direction":
			m.Direction = cmp.Or(d.enum(v, "direction", Directions), m.Direction)
		case "layout":
			m.Engine = cmp.Or(d.enum(v, "layout", Engines), m.Engine)
			m.EnginePos = d.pos(v)
		case "splines":
			m.Splines = d.enum(v, "splines", Splines)
		case "align":
			align = v // read once every id is known
		case "theme":
			m.Theme = cmp.Or(d.enum(v, "theme", Themes), m.Theme)
		case "legend":
			d.legend(m, v)
		case "style":
			m.Style = d.style(v, "the diagram style", diagStyleKeys)
		case "nodes":
			m.Nodes = d.nodes(v, nil)
		case "edges":
			edges = v // read once every id is known
		case "steps":
			steps = v // read once every edge is known
		}
	})
	if edges != nil {
		d.seq(edges, "edges", func(item *yaml.Node) {
			if len(m.Edges) > d.maxEdges {
				return
			}
			if m.Edges = append(m.Edges, d.edge(item)...); len(m.Edges) > d.maxEdges {
				d.errorf(item, "more than %d edges (raise the limit with --max-edges)", d.maxEdges)
			}
		})
		d.checkEdges(m.Edges)
	}
	if align != nil {
		m.Align = d.align(align)
	}
	if steps != nil {
		m.Steps = d.steps(steps)
	}
	return m
}

func (d *decoder) nodes(v *yaml.Node, parent *Node) []*Node {
	if parent != nil && parent.Depth()+1 >= MaxDepth {
		d.errorf(v, "groups are nested more than %d deep", MaxDepth)
		return nil
	}
	var out []*Node
	d.seq(v, "nodes", func(item *yaml.Node) {
		if n := d.node(item, parent); n != nil {
			out = append(out, n)
		}
	})
	return out
}

func (d *decoder) node(v *yaml.Node, parent *Node) *Node {
	n := &Node{Parent: parent, Replicas: 1, Pos: d.pos(v)}
	d.count++
	if d.count == d.maxNodes+1 {
		d.errorf(v, "more than %d nodes (raise the limit with --max-nodes)", d.maxNodes)
	}
	var hasID, hasLabel bool
	d.fields(v, "a node", nodeKeys, func(key string, v *yaml.Node) {
		switch key {
		case "id":
			hasID = true
			d.nodeID(n, v)
		case "kind":
			n.Kind = d.kind(v, "kind")
		case "label":
			n.Label, hasLabel = d.str(v, "label")
		case "nodes":
			n.IsGroup = true
			n.Nodes = d.nodes(v, n)
		case "replicas":
			if r, ok := d.integer(v, "replicas"); ok {
				if r < 1 {
					d.errorf(v, "replicas must be at least 1, not %d", r)
				} else {
					n.Replicas = r
				}
			}
		case "style":
			n.Style = d.style(v, "a node style", nodeStyleKeys)
		case "icon":
			n.Icon, n.IconFile = d.icon(v)
		case "tooltip":
			n.Tooltip, _ = d.str(v, "tooltip")
		case "link":
			n.Link = d.link(v)
		}
	})
	if v.Kind == yaml.MappingNode && !hasID {
		d.errorf(v, "a node needs an id")
	}
	if n.Kind == nil {
		n.Kind = LookupKind("box")
	}
	if n.Kind.Group() {
		n.IsGroup = true
	}
	if !hasLabel {
		n.Label = n.Kind.Display
	}
	return n
}

func (d *decoder) nodeID(n *Node, v *yaml.Node) {
	id, ok := d.str(v, "id")
	if !ok {
		return
	}
	if !idPattern.MatchString(id) {
		d.errorf(v, "id %q may only hold letters, digits, '_', '.' and '-'", id)
		return
	}
	if strings.HasPrefix(strings.ToLower(id), ReservedPrefix) {
		d.errorf(v, "id %q: ids starting with %q are kviz's own (its SVG names icons and parts so)", id, ReservedPrefix)
		return
	}
	if first, dup := d.m.byID[id]; dup {
		d.errorf(v, "duplicate id %q (first at line %d)", id, first.Pos.Line)
		return
	}
	n.ID = id
	d.m.byID[id] = n
}

func (d *decoder) kind(v *yaml.Node, what string) *Kind {
	s, ok := d.str(v, what)
	if !ok {
		return nil
	}
	k := LookupKind(s)
	if k == nil {
		d.errorf(v, "unknown kind %q%s", s, didYouMean(strings.ToLower(s), kindNames()))
	}
	return k
}

// icon reads `icon`: another kind's icon, or an SVG file in the model's
// folder, read through Options.ReadIcon.
func (d *decoder) icon(v *yaml.Node) (*Kind, *IconFile) {
	s, ok := d.str(v, "icon")
	if !ok {
		return nil, nil
	}
	lower := strings.ToLower(s)
	if !strings.ContainsAny(s, "/\\") && !strings.HasSuffix(lower, ".svg") && !strings.HasSuffix(lower, ".png") {
		return d.kind(v, "icon"), nil
	}
	switch {
	case !strings.HasSuffix(lower, ".svg"):
		d.errorf(v, "icon %q: kviz draws vector icons; give an SVG file", s)
	case d.readIcon == nil:
		d.errorf(v, "icon %q: icon files need the model to be read from a file", s)
	case path.IsAbs(filepath.ToSlash(s)) || filepath.IsAbs(s):
		d.errorf(v, "icon %q must be a path relative to the model's folder", s)
	default:
		data, err := d.readIcon(s)
		if err != nil {
			d.errorf(v, "icon %q: %v", s, err)
			return nil, nil
		}
		return nil, &IconFile{Path: s, Data: data, Pos: d.pos(v)}
	}
	return nil, nil
}

// link accepts http, https and mailto URLs and relative references; any
// other scheme (javascript:, data:, file:) could run or leak something.
func (d *decoder) link(v *yaml.Node) string {
	s, ok := d.str(v, "link")
	if !ok {
		return ""
	}
	u, err := url.Parse(s)
	if err != nil {
		d.errorf(v, "link %q is not a URL", s)
		return ""
	}
	switch strings.ToLower(u.Scheme) {
	case "", "http", "https", "mailto":
		return s
	}
	d.errorf(v, "link scheme %q is not allowed (use http, https, mailto or a relative link)", u.Scheme)
	return ""
}

func (d *decoder) style(v *yaml.Node, what string, keys []string) Style {
	var s Style
	d.fields(v, what, keys, func(key string, v *yaml.Node) {
		switch key {
		case "fill":
			s.Fill = d.color(v, "fill")
		case "stroke":
			s.Stroke = d.color(v, "stroke")
		case "color":
			s.Color = d.color(v, "color")
		case "background":
			s.Background = d.color(v, "background")
		case "dash":
			s.Dash = d.enum(v, "dash", Dashes)
		case "font-weight":
			s.FontWeight = d.enum(v, "font-weight", FontWeights)
		case "label-position":
			s.LabelPosition = d.enum(v, "label-position", LabelPlaces)
		case "shape":
			s.Shape = d.enum(v, "shape", Shapes)
		case "columns":
			s.Columns = d.columns(v)
		case "font-size":
			s.FontSize = d.fontSize(v)
		}
	})
	return s
}

// color accepts #rgb, #rrggbb, #rrggbbaa, an SVG colour name and "none".
// It returns the colour as written, lower-cased.
func (d *decoder) color(v *yaml.Node, what string) string {
	s, ok := d.str(v, what)
	if !ok {
		return ""
	}
	c := strings.ToLower(s)
	if ValidColor(c) {
		return c
	}
	names := make([]string, 0, len(colornames.Names)+1)
	names = append(names, colornames.Names...)
	d.errorf(v, "bad colour %q for %s: use #rrggbb or a colour name%s", s, what, didYouMean(c, append(names, "none")))
	return ""
}

// ValidColor reports whether s (lower case) is a colour kviz understands.
func ValidColor(s string) bool {
	if s == "none" || s == "transparent" {
		return true
	}
	if _, ok := colornames.Map[s]; ok {
		return true
	}
	if !strings.HasPrefix(s, "#") {
		return false
	}
	h := s[1:]
	switch len(h) {
	case 3, 6, 8:
	default:
		return false
	}
	for _, r := range h {
		if !strings.ContainsRune("0123456789abcdef", r) {
			return false
		}
	}
	return true
}

func (d *decoder) edge(v *yaml.Node) []*Edge {
	e := Edge{Pos: d.pos(v)}
	var sources, targets []*yaml.Node
	var from, to *yaml.Node
	d.fields(v, "an edge", edgeKeys, func(key string, v *yaml.Node) {
		switch key {
		case "from":
			from = v
			sources = d.ends(v, "from")
		case "to":
			to = v
			targets = d.ends(v, "to")
		case "label":
			e.Label, _ = d.str(v, "label")
		case "style":
			e.Style = d.enum(v, "edge style", Dashes)
		case "arrow":
			e.Arrow = d.enum(v, "arrow", Arrows)
		case "dir":
			e.Dir = d.enum(v, "dir", Dirs)
		case "color":
			e.Color = d.color(v, "color")
		case "relation":
			e.Relation, _ = d.str(v, "relation")
		}
	})
	if v.Kind != yaml.MappingNode {
		return nil
	}
	if from == nil {
		d.errorf(v, "an edge needs `from`")
	}
	if to == nil {
		d.errorf(v, "an edge needs `to`")
	}
	return d.pairs(e, sources, targets)
}

// ref reads a node id and checks that it names a node.
func (d *decoder) ref(v *yaml.Node, what string) string {
	id, ok := d.str(v, what)
	if !ok {
		return ""
	}
	if d.m.byID[id] == nil {
		ids := make([]string, 0, len(d.m.byID))
		d.m.Walk(func(n *Node) {
			if n.ID != "" {
				ids = append(ids, n.ID)
			}
		})
		d.errorf(v, "%s: no node has id %q%s", what, id, didYouMean(id, ids))
		return ""
	}
	return id
}

// didYouMean suggests the closest of candidates to s, when one is close.
func didYouMean(s string, candidates []string) string {
	if best := closest(s, candidates); best != "" {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return ""
}
