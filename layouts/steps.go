package layouts

import (
	"github.com/kviz/kviz/model"
	"github.com/kviz/kviz/render"
)

// Steps is what each of the model's steps draws, in order; nil when the
// model has none. The scene is laid out once, with everything, and each
// step picks from it (render.Scene.At), so nothing moves between steps.
//
// A step shows what earlier steps showed, plus its show list, less its
// hide list (hiding a group hides its members). Showing a node shows the
// groups around it; showing a group shows its members, but for those a
// later step's show list names. An edge appears once both its ends are
// shown, unless a step's show list names it: then from that step on.
// Highlight is for one step: what it names (a group with its members, an
// edge, and any edge between highlighted nodes) is drawn as normal, shown
// even if not yet, and every other shown part is dimmed.
func Steps(m *model.Model) []render.Step {
	if len(m.Steps) == 0 {
		return nil
	}
	later := laterShown(m.Steps)
	listed := map[string]bool{} // edges some step's show list names
	for _, st := range m.Steps {
		for _, r := range st.Show {
			if r.IsEdge() {
				listed[r.String()] = true
			}
		}
	}
	shown := map[string]bool{}    // nodes, so far
	explicit := map[string]bool{} // listed edges shown so far
	hidden := map[string]bool{}   // edges hidden so far
	var out []render.Step
	for i, st := range m.Steps {
		for _, r := range st.Show {
			if r.IsEdge() {
				explicit[r.String()], hidden[r.String()] = true, false
				continue
			}
			n := m.Lookup(r.ID)
			show(n, later[i+1], shown)
			for p := n.Parent; p != nil; p = p.Parent {
				shown[p.ID] = true
			}
		}
		for _, r := range st.Hide {
			if r.IsEdge() {
				explicit[r.String()], hidden[r.String()] = false, true
				continue
			}
			walkNode(m.Lookup(r.ID), func(n *model.Node) { delete(shown, n.ID) })
		}
		out = append(out, frame(m, st, shown, listed, explicit, hidden))
	}
	return out
}

// laterShown is, for each step i, the ids that steps i and after name in
// their show lists; one more entry, empty, follows the last step.
func laterShown(steps []*model.Step) []map[string]bool {
	out := make([]map[string]bool, len(steps)+1)
	out[len(steps)] = map[string]bool{}
	for i := len(steps) - 1; i >= 0; i-- {
		m := map[string]bool{}
		for id := range out[i+1] {
			m[id] = true
		}
		for _, r := range steps[i].Show {
			if !r.IsEdge() {
				m[r.ID] = true
			}
		}
		out[i] = m
	}
	return out
}

// show marks n and its members shown, but not a member a later step
// shows (nor, then, that member's own members).
func show(n *model.Node, later map[string]bool, shown map[string]bool) {
	shown[n.ID] = true
	for _, c := range n.Nodes {
		if !later[c.ID] {
			show(c, later, shown)
		}
	}
}

// walkNode calls f for n and every node inside it.
func walkNode(n *model.Node, f func(*model.Node)) {
	f(n)
	for _, c := range n.Nodes {
		walkNode(c, f)
	}
}

// frame is the render.Step of one model step, from what is shown so far.
func frame(m *model.Model, st *model.Step, shown, listed, explicit, hidden map[string]bool) render.Step {
	rs := render.Step{Title: st.Title, Caption: st.Caption, Nodes: map[string]bool{}, Edges: map[string]bool{}}
	bright := map[string]bool{} // nodes and edges highlighted
	for _, r := range st.Highlight {
		if r.IsEdge() {
			bright[r.String()] = true
			continue
		}
		walkNode(m.Lookup(r.ID), func(n *model.Node) { bright[n.ID] = true })
	}
	for id := range shown {
		rs.Nodes[id] = true
	}
	for id := range bright {
		for n := m.Lookup(id); n != nil; n = n.Parent {
			rs.Nodes[n.ID] = true
		}
	}
	for _, e := range m.Edges {
		k := render.EdgeKey(e.From, e.To)
		ends := rs.Nodes[e.From] && rs.Nodes[e.To]
		switch {
		case bright[k] && ends:
		case hidden[k] || !ends:
			continue
		case listed[k] && !explicit[k]:
			continue
		}
		rs.Edges[k] = true
		if bright[e.From] && bright[e.To] {
			bright[k] = true
		}
	}
	if len(bright) > 0 {
		rs.Dim = map[string]bool{}
		for id := range rs.Nodes {
			rs.Dim[id] = !bright[id]
		}
		for k := range rs.Edges {
			rs.Dim[k] = !bright[k]
		}
	}
	return rs
}
