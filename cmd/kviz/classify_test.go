package main

import (
	"bytes"
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestClassify(t *testing.T) {
	for _, tt := range []struct {
		name, file, data string
		want             class
	}{
		{"model", "a.yaml", "nodes: []\n", classModel},
		{"edges only", "a.yaml", "edges: []\n", classModel},
		{"misspelt nodes", "a.yaml", "title: x\nnode: []\n", classModel},
		{"named", "a.kviz.yaml", "label: x\n", classModel},
		{"schema line", "a.yaml", "# yaml-language-server: $schema=../kviz.schema.json\nlabel: x\n", classModel},
		{"other schema line", "a.yaml", "# yaml-language-server: $schema=https://json.schemastore.org/github-workflow\nname: x\n", classOther},
		{"manifest", "a.yaml", "apiVersion: v1\nkind: Service\n", classManifest},
		{"manifest after an empty doc", "a.yaml", "---\n---\napiVersion: v1\nkind: Pod\n", classManifest},
		{"kind alone", "a.yaml", "kind: Cluster\nname: x\n", classOther},
		{"category", "_category_.yml", "label: Guides\nposition: 2\n", classOther},
		{"compose", "docker-compose.yaml", "services: {web: {image: nginx}}\n", classOther},
		{"values", "values.yaml", "replicaCount: 1\nnodeSelector: {}\n", classOther},
		{"notes with other keys", "a.yaml", "notes: []\nauthor: me\n", classOther},
		{"a list", "a.yaml", "- nodes\n", classOther},
		{"broken model", "a.yaml", "nodes:\n - a\n  - b: [\n", classModel},
		{"broken manifest", "a.yaml", "apiVersion: v1\nkind: [\n", classManifest},
		{"broken other", "a.yaml", "label: [\n", classOther},
		{"helm template", "deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n  labels: {{- include \"x\" . | nindent 4 }}\n", classOther},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got, why := classify(tt.file, []byte(tt.data)); got != tt.want {
				t.Errorf("classify = %d (%s), want %d", got, why, tt.want)
			}
		})
	}
}

// FuzzClassify: any bytes are classified without panicking, and a file
// with a top-level nodes key is never passed over.
func FuzzClassify(f *testing.F) {
	for _, seed := range []string{"nodes: []\n", "apiVersion: v1\nkind: Pod\n", "label: x\n", "a: [\n", "---\n- 1\n"} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, why := classify("f.yaml", data)
		if c == classOther && why == "" {
			t.Fatal("skipped without a reason")
		}
		dec := yaml.NewDecoder(bytes.NewReader(data))
		for {
			var doc map[string]any
			if dec.Decode(&doc) != nil {
				return
			}
			if _, ok := doc["nodes"]; ok && c != classModel {
				t.Fatalf("a document with nodes classified %d", c)
			}
		}
	})
}
