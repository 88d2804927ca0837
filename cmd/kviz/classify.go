package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync"

	"github.com/agnivade/levenshtein"
	"go.yaml.in/yaml/v3"

	"github.com/kviz/kviz/model"
)

// class is what a file found in a folder holds, as far as kviz is
// concerned.
type class int

const (
	classOther    class = iota // someone else's YAML: skipped
	classModel                 // a kviz model, drawn (or reported if broken)
	classManifest              // Kubernetes manifests, drawn
)

// schemaLine is the first line `kviz init` writes: it names kviz's schema.
var schemaLine = regexp.MustCompile(`^#\s*yaml-language-server:\s*\$schema=\S*kviz`)

// modelKeys are the keys a model may have at its top level, read from the
// model's own schema so that they follow the format.
var modelKeys = sync.OnceValue(func() []string {
	var s struct {
		Properties map[string]any `json:"properties"`
	}
	if err := json.Unmarshal(model.Schema(), &s); err != nil {
		panic("kviz: the model's schema is not JSON: " + err.Error())
	}
	keys := make([]string, 0, len(s.Properties))
	for k := range s.Properties {
		keys = append(keys, k)
	}
	return keys
})

// classify decides what a YAML file found in a folder holds, and why, for
// the note -v prints when it is skipped. A file is a model if it is named
// *.kviz.yaml, starts with the schema line `kviz init` writes, or has a
// top-level `nodes` or `edges` — or only model keys at its top, one of them
// a misspelling of those, so that a typo is reported, never skipped. It is
// manifests if a document has `apiVersion` and `kind`. A file that is not
// YAML is a model or manifests if a line starts like one, so that a broken
// model is reported too — unless it holds {{ }}: a Helm or Hugo template.
func classify(name string, data []byte) (class, string) {
	lower := strings.ToLower(name)
	if strings.HasSuffix(lower, ".kviz.yaml") || strings.HasSuffix(lower, ".kviz.yml") {
		return classModel, ""
	}
	first, _, _ := bytes.Cut(data, []byte("\n"))
	if schemaLine.Match(first) {
		return classModel, ""
	}
	docs, err := topKeys(data)
	if err != nil {
		return classifyText(data)
	}
	manifest := false
	for _, keys := range docs {
		if looksModel(keys) {
			return classModel, ""
		}
		manifest = manifest || keys["apiVersion"] && keys["kind"]
	}
	if manifest {
		return classManifest, ""
	}
	return classOther, "not a kviz model (no top-level nodes) nor Kubernetes manifests (no apiVersion and kind)"
}

// topKeys returns the top-level keys of each document that is a mapping.
func topKeys(data []byte) ([]map[string]bool, error) {
	var docs []map[string]bool
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if err == io.EOF {
			return docs, nil
		}
		if err != nil {
			return nil, err
		}
		if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
			continue
		}
		keys := map[string]bool{}
		top := doc.Content[0].Content
		for i := 0; i+1 < len(top); i += 2 {
			keys[top[i].Value] = true
		}
		docs = append(docs, keys)
	}
}

// looksModel reports whether top-level keys are a model's: `nodes` or
// `edges`, or nothing but model keys and near misses of them with one near
// `nodes` or `edges`.
func looksModel(keys map[string]bool) bool {
	if keys["nodes"] || keys["edges"] {
		return true
	}
	typo := false
	for k := range keys {
		switch {
		case near(k, "nodes") || near(k, "edges"):
			typo = true
		case !nearAny(k, modelKeys()):
			return false
		}
	}
	return typo
}

// near reports a likely misspelling: two edits at most, case ignored.
func near(s, word string) bool {
	return levenshtein.ComputeDistance(strings.ToLower(s), word) <= 2
}

func nearAny(s string, words []string) bool {
	for _, w := range words {
		if near(s, w) {
			return true
		}
	}
	return false
}

// textModel and textManifest find, in a file YAML cannot read, a line
// starting as a model's or a manifest's does.
var (
	textModel    = regexp.MustCompile(`(?m)^(nodes|edges)\s*:`)
	textManifest = regexp.MustCompile(`(?m)^apiVersion\s*:`)
)

func classifyText(data []byte) (class, string) {
	switch {
	case bytes.Contains(data, []byte("{{")):
		return classOther, "a template (it has {{ }}), not YAML until it is filled in"
	case textModel.Match(data):
		return classModel, ""
	case textManifest.Match(data):
		return classManifest, ""
	}
	return classOther, "not YAML kviz reads, and no line starts a model or manifests"
}

// skipNote is the one line -v prints for a file passed over.
func skipNote(path, why string) string {
	return fmt.Sprintf("kviz: skipped %s: %s", path, why)
}
