package model

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("kviz.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("kviz.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// asJSON reads YAML into the values a JSON Schema validator expects.
func asJSON(t *testing.T, data []byte) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	js, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	out, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestSchemaAcceptsModels(t *testing.T) {
	s := compileSchema(t)
	for _, f := range testdataModels(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(asJSON(t, data)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

func TestSchemaRejects(t *testing.T) {
	s := compileSchema(t)
	for _, bad := range []string{
		"nodez: []",
		"nodes: [{id: a, lable: x}]",
		"nodes: [{kind: pod}]",
		"nodes: [{id: a, kind: zebra}]",
		"nodes: [{id: a, style: {colour: red}}]",
		"nodes: [{id: a, replicas: 0}]",
		"direction: up",
		"theme: neon",
		"edges: [{from: a}]",
		"edges: [{from: [], to: b}]",
		"splines: wavy",
		"legend: {position: left}",
		"align: a",
		"nodes: [{id: a, style: {columns: 0}}]",
		"edges: [{from: a, to: b, arrow: closed}]",
		"nodes: [{id: 'a b'}]",
		"nodes: [{id: a, link: 'javascript:alert(1)'}]",
	} {
		if err := s.Validate(asJSON(t, []byte(bad))); err == nil {
			t.Errorf("the schema accepts %q", bad)
		}
		if _, err := Parse("m.yaml", []byte(bad), Options{}); err == nil && !strings.Contains(bad, "edges") {
			t.Errorf("the loader accepts %q", bad)
		}
	}
}
