package model

import (
	"bytes"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// yamlKeys lists a struct's YAML keys in field order.
func yamlKeys(v any) []string {
	t := reflect.TypeOf(v)
	var out []string
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		out = append(out, name)
	}
	return out
}

// TestDocKeys holds Doc to the loader: its keys are keys the loader reads,
// in the order kviz fmt writes them.
func TestDocKeys(t *testing.T) {
	styleKeys := append(slices.Clone(diagStyleKeys), nodeStyleKeys...)
	for _, c := range []struct {
		name        string
		doc, loader []string
	}{
		{"model", yamlKeys(Doc{}), topKeys},
		{"node", yamlKeys(DocNode{}), nodeKeys},
		{"edge", yamlKeys(DocEdge{}), edgeKeys},
		{"style", yamlKeys(DocStyle{}), styleKeys},
	} {
		last := -1
		for _, k := range c.doc {
			i := slices.Index(c.loader, k)
			if i < 0 {
				t.Errorf("%s key %q of model.Doc is not read by the loader (%v)", c.name, k, c.loader)
				continue
			}
			if i < last && c.name != "style" {
				t.Errorf("%s key %q of model.Doc is out of kviz fmt's order %v", c.name, k, c.loader)
			}
			last = i
		}
	}
}

// TestDocRoundTrip writes a Doc with every key and loads it back: it loads,
// and it is already in kviz fmt's form.
func TestDocRoundTrip(t *testing.T) {
	none, named := "", "Named"
	d := &Doc{Title: "T", Caption: "C", Direction: "LR", Engine: "dot", Theme: "light", Legend: true,
		Style: &DocStyle{Background: "#ffffff", Color: "#000000"},
		Nodes: []*DocNode{
			{ID: "g", Kind: "namespace", Label: &named, Nodes: []*DocNode{
				{ID: "a", Kind: "pod", Replicas: 3, Tooltip: "tip", Link: "https://example.com",
					Style: &DocStyle{Fill: "#eeeeee", Stroke: "#111111", Color: "#222222", Dash: "dashed",
						FontWeight: "bold", LabelPosition: "top", Shape: "icon"}},
			}},
			{ID: "b", Label: &none, Icon: "pod"},
		},
		Edges: []*DocEdge{{From: "a", To: "b", Label: "l", Style: "dotted", Arrow: "open", Dir: "both", Color: "red", Relation: "r"}},
	}
	data, err := d.YAML()
	if err != nil {
		t.Fatal(err)
	}
	m, err := Parse("doc.yaml", data, Options{})
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if m.Lookup("b").Label != "" || m.Lookup("g").Label != "Named" || m.Lookup("a").Replicas != 3 || m.Edges[0].Relation != "r" {
		t.Errorf("loaded back wrong:\n%s", data)
	}
	formatted, err := Format("doc.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(formatted, data) {
		t.Errorf("a written Doc is not in kviz fmt's form:\n%s\nformatted:\n%s", data, formatted)
	}
}
