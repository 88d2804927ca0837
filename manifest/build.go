package manifest

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/kviz/kviz/model"
)

// catalogueKinds maps manifest kinds onto kviz's kind catalogue.
var catalogueKinds = map[string]string{
	"Deployment": "deployment", "ReplicaSet": "replicaset", "ReplicationController": "replicaset",
	"StatefulSet": "statefulset", "DaemonSet": "daemonset", "Job": "job", "CronJob": "cronjob",
	"Pod": "pod", "Service": "service", "Ingress": "ingress", "ConfigMap": "configmap",
	"Secret": "secret", "PersistentVolumeClaim": "persistentvolumeclaim",
	"PersistentVolume": "persistentvolume", "StorageClass": "storageclass",
	"ServiceAccount": "serviceaccount", "HorizontalPodAutoscaler": "hpa",
	"NetworkPolicy": "networkpolicy", "Namespace": "namespace", "Node": "node",
}

// Build turns objects into a model: one node per object, grouped by
// namespace (cluster-scoped objects at the top level), and one edge per
// relationship, styled by its relation. Objects referred to but absent are
// drawn dashed, marked "not in input".
func Build(objs []*Object, opts Options) *model.Doc {
	g := &graph{byKey: map[string]*Object{}, ids: map[*Object]string{}, taken: map[string]bool{},
		ends: map[*model.DocEdge][2]*Object{}, parts: map[*model.DocEdge][]string{}, seen: map[string]*model.DocEdge{}, opts: opts}
	for _, o := range objs {
		k := objKey(o.Kind, o.Namespace, o.Name)
		if g.byKey[k] != nil {
			continue // the same object twice (two copies of a file): the first counts
		}
		g.byKey[k] = o
		g.objs = append(g.objs, o)
	}
	g.relate()

	all := append(append(append([]*Object{}, g.objs...), g.templates...), g.missing...)
	shown := map[*Object]bool{}
	for _, o := range all {
		shown[o] = g.visible(o)
	}
	doc := &model.Doc{Direction: "LR", Legend: true}
	groups := map[string]*model.DocNode{}
	for _, o := range all {
		if !shown[o] {
			continue
		}
		if o.Kind == "Namespace" {
			g.namespace(doc, groups, o.Name)
			continue
		}
		n := g.node(o)
		if o.Namespace == "" {
			doc.Nodes = append(doc.Nodes, n)
			continue
		}
		ns := g.namespace(doc, groups, o.Namespace)
		ns.Nodes = append(ns.Nodes, n)
	}
	for _, e := range g.edges {
		ends := g.ends[e]
		if shown[ends[0]] && shown[ends[1]] && ends[0].Kind != "Namespace" && ends[1].Kind != "Namespace" {
			doc.Edges = append(doc.Edges, e)
		}
	}
	return doc
}

// namespace returns the group of a namespace, making it on first use.
func (g *graph) namespace(doc *model.Doc, groups map[string]*model.DocNode, ns string) *model.DocNode {
	if n, ok := groups[ns]; ok {
		return n
	}
	n := &model.DocNode{ID: notID.ReplaceAllString("namespace."+ns, "_"), Kind: "namespace", Label: &ns, Nodes: []*model.DocNode{}}
	for g.taken[n.ID] {
		n.ID += "_"
	}
	g.taken[n.ID] = true
	groups[ns] = n
	doc.Nodes = append(doc.Nodes, n)
	return n
}

// visible applies the options' filters.
func (g *graph) visible(o *Object) bool {
	o2 := g.opts
	if len(o2.Namespaces) > 0 && o.Namespace != "" && !slices.Contains(o2.Namespaces, o.Namespace) {
		return false
	}
	if len(o2.Kinds) > 0 && !kindIn(o, o2.Kinds) {
		return false
	}
	if kindIn(o, o2.ExcludeKinds) {
		return false
	}
	if o2.HideOwned && o.Body != nil {
		for _, r := range list(o.Body, "metadata", "ownerReferences") {
			if g.find(str(r, "kind"), o.Namespace, str(r, "name")) != nil {
				return false
			}
		}
	}
	return true
}

// kindIn matches an object's kind against names given by the user: the
// manifest kind, or the catalogue kind by its name or an alias (deploy,
// svc), any case.
func kindIn(o *Object, names []string) bool {
	for _, n := range names {
		n = strings.ToLower(n)
		if k := model.LookupKind(n); k != nil && k.Name == catalogueKinds[o.Kind] {
			return true
		}
		if n == strings.ToLower(o.Kind) || n == catalogueKinds[o.Kind] {
			return true
		}
	}
	return false
}

func (g *graph) node(o *Object) *model.DocNode {
	label := o.Name
	n := &model.DocNode{ID: g.id(o), Kind: "box", Label: &label}
	where := o.Name
	if o.Namespace != "" {
		where = o.Namespace + "/" + o.Name
	}
	n.Tooltip = o.Kind + " " + where
	if k, ok := catalogueKinds[o.Kind]; ok {
		n.Kind = k
	} else {
		label += "\n(" + o.Kind + ")"
	}
	switch {
	case g.isMissing(o):
		label += "\n(not in input)"
		n.Tooltip += " — not in the input"
		n.Style = &model.DocStyle{Dash: "dashed"}
	case o.APIVersion == "template":
		label += "\n(claim template)"
		n.Tooltip += fmt.Sprintf(" — a volumeClaimTemplate, at %s", o.Pos)
	default:
		n.Tooltip += " — " + o.Pos.String()
		if o.Kind == "ReplicationController" {
			label += "\n(ReplicationController)"
		}
		if r, err := strconv.Atoi(str(o.Body, "spec", "replicas")); err == nil && r > 1 && workloads[o.Kind] != nil {
			n.Replicas = r
		}
	}
	return n
}
