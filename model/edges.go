package model

import (
	"fmt"

	"go.yaml.in/yaml/v3"
)

// ends reads an edge's `from` or `to`: one id, or a list of them.
func (d *decoder) ends(v *yaml.Node, what string) []*yaml.Node {
	if v.Kind != yaml.SequenceNode {
		return []*yaml.Node{v}
	}
	var out []*yaml.Node
	d.seq(v, what, func(item *yaml.Node) { out = append(out, item) })
	if len(v.Content) == 0 {
		if what == "from" {
			d.errorf(v, "an edge with an empty `from` comes from nowhere")
		} else {
			d.errorf(v, "an edge with an empty `to` goes nowhere")
		}
	}
	return out
}

// pairs makes one edge for every pair of a source and a target, sources
// outer, in the order written. Each edge is positioned at the end written
// as a list item (the target when both are lists), so that an error about
// one pair points at it.
func (d *decoder) pairs(e Edge, sources, targets []*yaml.Node) []*Edge {
	from := make([]string, len(sources))
	for i, s := range sources {
		from[i] = d.ref(s, "from")
	}
	to := make([]string, len(targets))
	for i, t := range targets {
		to[i] = d.ref(t, "to")
	}
	// Lists in `from` and `to` multiply: one edge's lists that alone make
	// more edges than allowed make none, so that a hostile file cannot
	// make billions. The running count is the caller's.
	if len(from)*len(to) > d.maxEdges {
		d.errorAt(e.Pos, fmt.Sprintf("more than %d edges (raise the limit with --max-edges)", d.maxEdges))
		return nil
	}
	var out []*Edge
	for i, f := range from {
		for j, t := range to {
			if f == "" || t == "" {
				continue
			}
			ee := e
			ee.From, ee.To = f, t
			ee.Pos = d.pos(targets[j])
			if len(sources) > 1 && len(targets) == 1 {
				ee.Pos = d.pos(sources[i])
			}
			out = append(out, &ee)
		}
	}
	return out
}

// checkEdges refuses an edge between a node and a group holding it (it
// would be drawn as a loop on the group's border) and an edge written
// twice (it would be drawn twice, one line over the other). Two edges
// between the same nodes with different labels or relations are two
// meanings, and are kept.
func (d *decoder) checkEdges(edges []*Edge) {
	type key struct{ from, to, label, relation string }
	first := map[key]*Edge{}
	for _, e := range edges {
		from, to := d.m.byID[e.From], d.m.byID[e.To]
		if from == nil || to == nil {
			continue
		}
		switch {
		case holds(from, to):
			d.errorAt(e.Pos, fmt.Sprintf("an edge from group %q to %q, which it holds: draw it to a node outside the group", e.From, e.To))
		case holds(to, from):
			d.errorAt(e.Pos, fmt.Sprintf("an edge from %q to group %q, which holds it: draw it to a node outside the group", e.From, e.To))
		}
		k := key{e.From, e.To, e.Label, e.Relation}
		if f, dup := first[k]; dup {
			d.errorAt(e.Pos, fmt.Sprintf("edge from %q to %q written twice (first at %d:%d)", e.From, e.To, f.Pos.Line, f.Pos.Col))
			continue
		}
		first[k] = e
	}
}

// errorAt reports an error at pos, within the cap errorf keeps.
func (d *decoder) errorAt(pos Pos, msg string) {
	if len(d.errs) < maxErrors {
		d.errs.add(pos, "%s", msg)
	}
}

// holds reports whether group g holds n, at any depth.
func holds(g, n *Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p == g {
			return true
		}
	}
	return false
}
