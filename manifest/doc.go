package manifest

import (
	"bytes"

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
