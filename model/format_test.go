package model

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func testdataModels(t *testing.T) []string {
	var files []string
	for _, dir := range []string{"figures", "models"} {
		f, _ := filepath.Glob(filepath.Join("..", "testdata", dir, "*.yaml"))
		files = append(files, f...)
	}
	if len(files) == 0 {
		t.Fatal("no testdata models")
	}
	return files
}

func TestFormat(t *testing.T) {
	in := `# The file's comment.
nodes:   # the nodes
  - label: API    # its label
    style: {shape: box, fill: red}
    id: api
    kind: api
edges:
- to: [api]
  from: api
legend: true
title: Hi
`
	want := `# The file's comment.
title: Hi
legend: true
nodes: # the nodes
  - id: api
    kind: api
    label: API # its label
    style: {fill: red, shape: box}
edges:
  - from: api
    to: [api]
`
	got, err := Format("m.yaml", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if _, err := Format("m.yaml", []byte("nodez: []\n")); err == nil || !strings.Contains(err.Error(), "m.yaml:1:1") {
		t.Errorf("an invalid model was formatted: %v", err)
	}
}

// TestFormatLayoutKeys: the layout controls take their documented places.
func TestFormatLayoutKeys(t *testing.T) {
	in := `edges: [{to: b, from: [a]}]
legend: {columns: 2, position: bottom}
nodes:
  - {id: g, style: {columns: 2, fill: red}, nodes: [{id: a}, {id: b}]}
align: [a, b]
splines: ortho
title: T
`
	want := `title: T
splines: ortho
align: [a, b]
legend: {position: bottom, columns: 2}
nodes:
  - {id: g, nodes: [{id: a}, {id: b}], style: {fill: red, columns: 2}}
edges: [{from: [a], to: b}]
`
	got, err := Format("m.yaml", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestFormatIdempotent formats every testdata model twice: the second pass
// changes nothing, and the formatted model loads to the same nodes.
func TestFormatIdempotent(t *testing.T) {
	for _, f := range testdataModels(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		once, err := Format(f, data)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		twice, err := Format(f, once)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if string(once) != string(twice) {
			t.Errorf("%s: formatting twice changes it:\n%s\n---\n%s", f, once, twice)
		}
		a, _ := Parse(f, data, Options{})
		b, _ := Parse(f, once, Options{})
		var ids []string
		a.Walk(func(n *Node) { ids = append(ids, n.ID+"/"+n.Kind.Name+"/"+n.Label) })
		i := 0
		b.Walk(func(n *Node) {
			if i >= len(ids) || ids[i] != n.ID+"/"+n.Kind.Name+"/"+n.Label {
				t.Errorf("%s: node %d changed to %s", f, i, n.ID)
			}
			i++
		})
		if len(a.Edges) != len(b.Edges) {
			t.Errorf("%s: %d edges became %d", f, len(a.Edges), len(b.Edges))
		}
	}
}
