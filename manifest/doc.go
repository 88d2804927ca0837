package manifest

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// Doc is a kviz model (format v1) as written to YAML: what `kviz import`
// writes, and what `kviz render` loads for manifests.
type Doc struct {
	Title     string  `yaml:"title,omitempty"`
	Direction string  `yaml:"direction,omitempty"`
	Legend    bool    `yaml:"legend,omitempty"`
	Nodes     []*Node `yaml:"nodes"`
	Edges     []*Edge `yaml:"edges,omitempty"`
}

// Node is a model node.
type Node struct {
	ID       string  `yaml:"id"`
	Kind     string  `yaml:"kind"`
	Label    string  `yaml:"label"`
	Replicas int     `yaml:"replicas,omitempty"`
	Tooltip  string  `yaml:"tooltip,omitempty"`
	Style    *Style  `yaml:"style,omitempty"`
	Nodes    []*Node `yaml:"nodes,omitempty"`
}

// Style is a node style.
type Style struct {
	Dash string `yaml:"dash,omitempty"`
}

// Edge is a model edge.
type Edge struct {
	From     string `yaml:"from"`
	To       string `yaml:"to"`
	Label    string `yaml:"label,omitempty"`
	Style    string `yaml:"style,omitempty"`
	Arrow    string `yaml:"arrow,omitempty"`
	Color    string `yaml:"color,omitempty"`
	Relation string `yaml:"relation"`
}

// YAML writes the model, indented by two spaces. Control characters in
// the objects' names and values (YAML escapes can put any there) are
// written as escapes such as \x00: a model may not hold them, and the
// drawing must stay well-formed XML.
func (d *Doc) YAML() ([]byte, error) {
	d.Title = printable(d.Title)
	d.walk(func(n *Node) { n.Label, n.Tooltip = printable(n.Label), printable(n.Tooltip) })
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
func (d *Doc) walk(f func(*Node)) {
	var visit func([]*Node)
	visit = func(nodes []*Node) {
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
