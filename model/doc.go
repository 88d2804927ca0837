package model

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// Doc is a model in format v1 as a program writes it — `kviz import`
// writes the model of a set of manifests as one — with the keys the loader
// reads (see Schema), in the order `kviz fmt` puts them, so that what is
// written is already formatted. A test holds it to the loader's key lists.
type Doc struct {
	Title     string     `yaml:"title,omitempty"`
	Caption   string     `yaml:"caption,omitempty"`
	Direction string     `yaml:"direction,omitempty"`
	Engine    string     `yaml:"layout,omitempty"` // the Graphviz engine
	Theme     string     `yaml:"theme,omitempty"`
	Legend    bool       `yaml:"legend,omitempty"`
	Style     *DocStyle  `yaml:"style,omitempty"` // the diagram's: background and color only
	Nodes     []*DocNode `yaml:"nodes"`
	Edges     []*DocEdge `yaml:"edges,omitempty"`
}

// DocNode is a node of a Doc; with Nodes, a group.
type DocNode struct {
	ID       string     `yaml:"id"`
	Kind     string     `yaml:"kind,omitempty"`
	Label    *string    `yaml:"label,omitempty"` // nil: the kind's name; "": none
	Nodes    []*DocNode `yaml:"nodes,omitempty"`
	Replicas int        `yaml:"replicas,omitempty"`
	Style    *DocStyle  `yaml:"style,omitempty"`
	Icon     string     `yaml:"icon,omitempty"`
	Tooltip  string     `yaml:"tooltip,omitempty"`
	Link     string     `yaml:"link,omitempty"`
}

// DocStyle is a node's style, or the diagram's (Background and Color).
type DocStyle struct {
	Background    string `yaml:"background,omitempty"`
	Fill          string `yaml:"fill,omitempty"`
	Stroke        string `yaml:"stroke,omitempty"`
	Color         string `yaml:"color,omitempty"`
	Dash          string `yaml:"dash,omitempty"`
	FontWeight    string `yaml:"font-weight,omitempty"`
	LabelPosition string `yaml:"label-position,omitempty"`
	Shape         string `yaml:"shape,omitempty"`
}

// DocEdge is an edge of a Doc, to one node.
type DocEdge struct {
	From     string `yaml:"from"`
	To       string `yaml:"to"`
	Label    string `yaml:"label,omitempty"`
	Style    string `yaml:"style,omitempty"`
	Arrow    string `yaml:"arrow,omitempty"`
	Dir      string `yaml:"dir,omitempty"`
	Color    string `yaml:"color,omitempty"`
	Relation string `yaml:"relation,omitempty"`
}

// YAML writes the model, indented by two spaces. Control characters in
// its texts (a manifest's YAML escapes can put any there) are written as
// escapes such as \x00: a model may not hold them, and the drawing must
// stay well-formed XML.
func (d *Doc) YAML() ([]byte, error) {
	d.Title, d.Caption = printable(d.Title), printable(d.Caption)
	d.walk(func(n *DocNode) {
		if n.Label != nil {
			l := printable(*n.Label)
			n.Label = &l
		}
		n.Tooltip = printable(n.Tooltip)
	})
	for _, e := range d.Edges {
		e.Label = printable(e.Label)
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(d); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// walk visits every node, parents first.
func (d *Doc) walk(f func(*DocNode)) {
	var visit func([]*DocNode)
	visit = func(nodes []*DocNode) {
		for _, n := range nodes {
			f(n)
			visit(n.Nodes)
		}
	}
	visit(d.Nodes)
}

// printable escapes the control characters of s but newlines and tabs.
func printable(s string) string {
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if isControl(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isControl(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\t' }
