package manifest

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/kviz/kviz/model"
)

// Options choose what is drawn. The zero value draws everything.
type Options struct {
	Namespaces   []string // only these namespaces (cluster-scoped objects stay)
	Kinds        []string // only these kinds (manifest kinds or catalogue names)
	ExcludeKinds []string // not these kinds
	HideOwned    bool     // fold ReplicaSets, Pods and Jobs into their owners
	NoInfer      bool     // no inferred edges (calls, class-based binds)
}

// graph is the set of objects and relationships being built.
type graph struct {
	objs      []*Object
	byKey     map[string]*Object // kind/namespace/name
	ids       map[*Object]string
	taken     map[string]bool // ids given out
	ends      map[*model.DocEdge][2]*Object
	parts     map[*model.DocEdge][]string // each edge's label, part by part
	missing   []*Object                   // referenced but not in the input, in order of first reference
	templates []*Object                   // volumeClaimTemplates, drawn as claims
	edges     []*model.DocEdge
	seen      map[string]*model.DocEdge // from|to|relation: one edge each, labels merged
	opts      Options
}

func objKey(kind, ns, name string) string { return kind + "/" + ns + "/" + name }

func (g *graph) find(kind, ns, name string) *Object {
	if clusterScoped[kind] {
		ns = ""
	}
	return g.byKey[objKey(kind, ns, name)]
}

// ref finds an object, or makes a "missing" stand-in for it.
func (g *graph) ref(kind, ns, name string) *Object {
	if o := g.find(kind, ns, name); o != nil {
		return o
	}
	if clusterScoped[kind] {
		ns = ""
	}
	o := &Object{Kind: kind, Namespace: ns, Name: name}
	g.byKey[objKey(kind, ns, name)] = o
	g.missing = append(g.missing, o)
	return o
}

func (g *graph) isMissing(o *Object) bool { return o.Body == nil }

var notID = regexp.MustCompile(`[^A-Za-z0-9_.-]`)

// id is an object's model id: kind, namespace and name, made safe.
func (g *graph) id(o *Object) string {
	if id, ok := g.ids[o]; ok {
		return id
	}
	id := strings.ToLower(o.Kind) + "."
	if o.Namespace != "" {
		id += o.Namespace + "."
	}
	id = notID.ReplaceAllString(id+o.Name, "_")
	base := id
	for n := 2; g.taken[id]; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	g.ids[o], g.taken[id] = id, true
	return id
}

// link records a relationship; a second one between the same two objects
// with the same relation adds its label to the first.
func (g *graph) link(from, to *Object, rel relation, label string) {
	k := g.id(from) + "|" + g.id(to) + "|" + rel.name
	if e, ok := g.seen[k]; ok {
		if label != "" && !slices.Contains(g.parts[e], label) {
			g.parts[e] = append(g.parts[e], label)
			e.Label = strings.Join(g.parts[e], ", ")
			if rel == envRef {
				e.Label = summary(g.parts[e]) // env keys can number dozens
			}
		}
		return
	}
	e := &model.DocEdge{From: g.id(from), To: g.id(to), Label: label, Style: rel.style, Arrow: rel.arrow, Color: rel.color, Relation: rel.name}
	g.seen[k] = e
	if label != "" {
		g.parts[e] = []string{label}
	}
	g.edges = append(g.edges, e)
	g.ends[e] = [2]*Object{from, to}
}

// maxParts is the most label parts an edge shows; more are counted.
const maxParts = 3

// summary joins an edge's label parts, the first few by name.
func summary(parts []string) string {
	if len(parts) <= maxParts {
		return strings.Join(parts, ", ")
	}
	return fmt.Sprintf("%s, +%d more", strings.Join(parts[:maxParts], ", "), len(parts)-maxParts)
}
