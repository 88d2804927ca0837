package model

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// MaxSteps bounds the steps of a build: each is a slide or a file.
const MaxSteps = 500

var (
	stepKeys  = []string{"title", "caption", "show", "highlight", "hide"}
	stepLists = []string{"show", "highlight", "hide"}
)

// Step is one frame of a build: the diagram is laid out once, with
// everything, and each step draws a part of it. What a step shows is what
// earlier steps showed, plus Show, less Hide; Highlight is for this step
// only.
type Step struct {
	Title     string
	Caption   string
	Show      []Ref // what appears at this step
	Highlight []Ref // drawn as normal while the rest is dimmed
	Hide      []Ref // what disappears from this step on
	Pos       Pos
}

// Ref names a node or group by ID, or an edge as "from->to" (From and To
// set, ID empty), in a step.
type Ref struct {
	ID       string
	From, To string
	Pos      Pos
}

// IsEdge reports whether r names an edge.
func (r Ref) IsEdge() bool { return r.From != "" }

// String is the reference as written: an id or "from->to".
func (r Ref) String() string {
	if r.IsEdge() {
		return r.From + "->" + r.To
	}
	return r.ID
}

// steps reads `steps`, once every node and edge is known.
func (d *decoder) steps(v *yaml.Node) []*Step {
	edges := map[string]bool{}
	for _, e := range d.m.Edges {
		edges[e.From+"->"+e.To] = true
	}
	var out []*Step
	d.seq(v, "steps", func(item *yaml.Node) {
		if len(out) == MaxSteps {
			d.errorf(item, "more than %d steps", MaxSteps)
		}
		if len(out) < MaxSteps {
			out = append(out, d.step(item, edges))
		}
	})
	return out
}

// step reads one step; edges holds the model's edges as "from->to".
func (d *decoder) step(v *yaml.Node, edges map[string]bool) *Step {
	s := &Step{Pos: d.pos(v)}
	d.fields(v, "a step", stepKeys, func(key string, v *yaml.Node) {
		switch key {
		case "title":
			s.Title, _ = d.str(v, "title")
		case "caption":
			s.Caption, _ = d.str(v, "caption")
		case "show":
			s.Show = d.refs(v, key, edges)
		case "highlight":
			s.Highlight = d.refs(v, key, edges)
		case "hide":
			s.Hide = d.refs(v, key, edges)
		}
	})
	return s
}

// refs reads a step's list of node ids and edges ("from->to").
func (d *decoder) refs(v *yaml.Node, what string, edges map[string]bool) []Ref {
	var out []Ref
	d.seq(v, what, func(item *yaml.Node) {
		s, ok := d.str(item, what)
		if !ok {
			return
		}
		r := Ref{Pos: d.pos(item)}
		if from, to, isEdge := strings.Cut(s, "->"); isEdge {
			r.From, r.To = strings.TrimSpace(from), strings.TrimSpace(to)
			if !edges[r.String()] {
				hint := didYouMean(r.String(), d.edgeNames())
				if back := r.To + "->" + r.From; edges[back] {
					hint = fmt.Sprintf("; did you mean %q?", back)
				}
				d.errorf(item, "%s: no edge runs %q%s", what, s, hint)
				return
			}
		} else if r.ID = s; d.m.byID[s] == nil {
			d.errorf(item, "%s: no node has id %q%s", what, s, didYouMean(s, d.ids()))
			return
		}
		out = append(out, r)
	})
	return out
}

// edgeNames are the model's edges as a step names them, in source order.
func (d *decoder) edgeNames() []string {
	var out []string
	for _, e := range d.m.Edges {
		out = append(out, e.From+"->"+e.To)
	}
	return out
}

// ids are the model's node ids, in source order.
func (d *decoder) ids() []string {
	var out []string
	d.m.Walk(func(n *Node) {
		if n.ID != "" {
			out = append(out, n.ID)
		}
	})
	return out
}

// stepsSchema is the JSON Schema of `steps`; obj makes an object schema
// that refuses unknown keys.
func stepsSchema(obj func(string, map[string]any, ...string) map[string]any) map[string]any {
	ref := map[string]any{"type": "string", "pattern": `^[A-Za-z0-9_.-]+(\s*->\s*[A-Za-z0-9_.-]+)?$`,
		"description": "a node or group id, or an edge as from->to"}
	list := func(desc string) map[string]any {
		return map[string]any{"type": "array", "items": ref, "description": desc}
	}
	step := obj("one frame of a build; every frame is laid out alike, so nothing moves", map[string]any{
		"title":     map[string]any{"type": []string{"string", "number"}, "description": "the slide's title"},
		"caption":   map[string]any{"type": []string{"string", "number"}, "description": "the slide's notes"},
		"show":      list("what appears at this step, added to what earlier steps showed; a group with its members, but for those a later step shows"),
		"highlight": list("drawn as normal at this step only, while everything else is dimmed"),
		"hide":      list("what disappears from this step on, leaving its space empty"),
	})
	return map[string]any{"type": "array", "items": step, "maxItems": MaxSteps,
		"description": "a build: the diagram laid out once, drawn step by step"}
}
