// Package manifest reads Kubernetes manifests — multi-document YAML,
// `kind: List`, Helm and kubectl output — and turns the objects and the
// relationships between them into a kviz model (format v1), so that they
// are drawn, and can be written out and curated, like any model.
package manifest

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/kviz/kviz/model"
)

// Object is one Kubernetes object of the input.
type Object struct {
	APIVersion string
	Kind       string
	Name       string
	Namespace  string // "" for cluster-scoped objects
	Body       map[string]any
	Pos        model.Pos
}

// Looks reports whether data looks like Kubernetes manifests rather than a
// kviz model: its first document is a mapping with `apiVersion` or `kind`
// (and no `nodes`),
// or it is a stream of empty documents ("---" and comments), which a
// manifest file may be and a model may not.
func Looks(data []byte) bool {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for docs := 0; ; docs++ {
		var doc yaml.Node
		if err := dec.Decode(&doc); err != nil {
			return err == io.EOF && docs > 0
		}
		if len(doc.Content) == 0 || doc.Content[0].Kind == yaml.ScalarNode && doc.Content[0].Tag == "!!null" {
			continue // an empty document
		}
		return looksTop(doc.Content[0])
	}
}

// looksTop reports whether a first document's top looks like a manifest.
func looksTop(top *yaml.Node) bool {
	return top.Kind == yaml.MappingNode && key(top, "nodes") == nil &&
		(key(top, "apiVersion") != nil || key(top, "kind") != nil)
}

// ReadIfManifests is Looks and ReadMax in one pass: the first document,
// which tells manifests from a model, is parsed once, not twice (a single
// `kind: List` document can be megabytes). When data does not look like
// manifests it returns false and no error: it is a model's to read.
func ReadIfManifests(name string, data []byte, max int) ([]*Object, bool, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for docs := 0; ; docs++ {
		var doc yaml.Node
		if err := dec.Decode(&doc); err != nil {
			if err == io.EOF && docs > 0 {
				return nil, true, nil // only empty documents
			}
			return nil, false, nil
		}
		if len(doc.Content) == 0 || doc.Content[0].Kind == yaml.ScalarNode && doc.Content[0].Tag == "!!null" {
			continue
		}
		if !looksTop(doc.Content[0]) {
			return nil, false, nil
		}
		objs, err := readFrom(name, data, dec, doc.Content[0], max)
		return objs, true, err
	}
}

// key finds a key's value node in a mapping node.
func key(m *yaml.Node, k string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == k {
			return m.Content[i+1]
		}
	}
	return nil
}

// DefaultMaxObjects is the most objects Read takes: as many as a model
// may have nodes.
const DefaultMaxObjects = 10000

// Read returns every object of a stream of YAML documents, in order:
// empty documents are skipped, `kind: List` is flattened into its items.
// The error is a model.ErrorList of positioned problems. It reads at most
// DefaultMaxObjects objects.
func Read(name string, data []byte) ([]*Object, error) {
	return ReadMax(name, data, DefaultMaxObjects)
}

// ReadMax is Read taking at most max objects: the one after them is an
// error, reported as soon as it is read.
func ReadMax(name string, data []byte, max int) ([]*Object, error) {
	return readFrom(name, data, yaml.NewDecoder(bytes.NewReader(data)), nil, max)
}

// readFrom reads the objects of first, a document already decoded (or
// nil), and of the documents dec has left.
func readFrom(name string, data []byte, dec *yaml.Decoder, first *yaml.Node, max int) ([]*Object, error) {
	if max <= 0 {
		max = DefaultMaxObjects
	}
	var objs []*Object
	var errs model.ErrorList
	if first != nil {
		objs = readDoc(name, first, &errs)
	}
	for len(objs) <= max {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if err == io.EOF {
			break
		}
		if err != nil {
			errs = append(errs, model.YAMLErrorIn(name, data, err)...)
			break // the decoder cannot go on past a syntax error
		}
		if len(doc.Content) == 0 {
			continue
		}
		objs = append(objs, readDoc(name, doc.Content[0], &errs)...)
	}
	if len(objs) > max {
		errs = append(errs, &model.Error{Pos: objs[max].Pos,
			Msg: fmt.Sprintf("more than %d objects (raise the limit with --max-nodes)", max)})
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return objs, nil
}

func readDoc(file string, n *yaml.Node, errs *model.ErrorList) []*Object {
	pos := model.Pos{File: file, Line: n.Line, Col: n.Column}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		*errs = append(*errs, &model.Error{Pos: pos, Msg: "a manifest document must be a mapping"})
		return nil
	}
	var body map[string]any
	if err := n.Decode(&body); err != nil {
		*errs = append(*errs, model.YAMLError(file, err)...)
		return nil
	}
	o := &Object{Body: body, Pos: pos, APIVersion: str(body, "apiVersion"), Kind: str(body, "kind")}
	if o.Kind == "" {
		*errs = append(*errs, &model.Error{Pos: pos, Msg: "a manifest document needs `kind`"})
		return nil
	}
	if strings.HasSuffix(o.Kind, "List") && key(n, "items") != nil {
		items := key(n, "items")
		if items == nil || items.Kind != yaml.SequenceNode {
			return nil // an empty list
		}
		var out []*Object
		for _, it := range items.Content {
			out = append(out, readDoc(file, it, errs)...)
		}
		return out
	}
	o.Name = str(body, "metadata", "name")
	if o.Name == "" {
		*errs = append(*errs, &model.Error{Pos: pos, Msg: fmt.Sprintf("a %s needs metadata.name", model.Clip(o.Kind))})
		return nil
	}
	if !clusterScoped[o.Kind] {
		o.Namespace = str(body, "metadata", "namespace")
		if o.Namespace == "" {
			o.Namespace = "default"
		}
	}
	return []*Object{o}
}

// clusterScoped lists the kinds that live outside namespaces.
var clusterScoped = map[string]bool{
	"Namespace": true, "Node": true, "PersistentVolume": true, "StorageClass": true,
	"ClusterRole": true, "ClusterRoleBinding": true, "CustomResourceDefinition": true,
	"IngressClass": true, "PriorityClass": true, "RuntimeClass": true, "CSIDriver": true,
	"ValidatingWebhookConfiguration": true, "MutatingWebhookConfiguration": true, "APIService": true,
	"ClusterIssuer": true,
}
