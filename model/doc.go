package model

import (
	"bytes"

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
	Layout    string     `yaml:"layout,omitempty"`
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

// YAML writes the model, indented by two spaces.
func (d *Doc) YAML() ([]byte, error) {
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
