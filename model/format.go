package model

import (
	"bytes"

	"go.yaml.in/yaml/v3"
)

// Format rewrites a model in canonical form: keys in the order this package
// documents them (top level, node, style and edge keys alike), two-space
// indentation, comments and flow or block style kept. The model must load;
// its errors are returned otherwise. Formatting is idempotent.
func Format(name string, data []byte) ([]byte, error) {
	if _, err := Parse(name, data, Options{MaxNodes: 1 << 30, MaxEdges: 1 << 30}); err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, YAMLError(name, err)
	}
	top := doc.Content[0]
	// A comment over the first key is the file's own: it stays on top.
	var head string
	if top.Kind == yaml.MappingNode && len(top.Content) > 0 {
		head, top.Content[0].HeadComment = top.Content[0].HeadComment, ""
	}
	order(top, topKeys, map[string]func(*yaml.Node){
		"style":  func(n *yaml.Node) { order(n, diagStyleKeys, nil) },
		"legend": func(n *yaml.Node) { order(n, legendKeys, nil) },
		"nodes":  func(n *yaml.Node) { orderNodes(n) },
		"edges": func(n *yaml.Node) {
			for _, e := range n.Content {
				order(e, edgeKeys, nil)
			}
		},
		"steps": func(n *yaml.Node) {
			for _, st := range n.Content {
				order(st, stepKeys, nil)
			}
		},
	})
	if head != "" && len(top.Content) > 0 {
		first := top.Content[0]
		first.HeadComment = joinComments(head, first.HeadComment)
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func orderNodes(list *yaml.Node) {
	for _, n := range list.Content {
		order(n, nodeKeys, map[string]func(*yaml.Node){
			"style": func(s *yaml.Node) { order(s, nodeStyleKeys, nil) },
			"nodes": orderNodes,
		})
	}
}

// order sorts a mapping's pairs into the order of keys, stably, and calls
// inner on the values of the keys it names. Aliases are left as they are.
func order(m *yaml.Node, keys []string, inner map[string]func(*yaml.Node)) {
	if m.Kind != yaml.MappingNode {
		return
	}
	rank := func(k string) int {
		for i, x := range keys {
			if x == k {
				return i
			}
		}
		return len(keys)
	}
	type pair struct{ k, v *yaml.Node }
	pairs := make([]pair, 0, len(m.Content)/2)
	for i := 0; i+1 < len(m.Content); i += 2 {
		pairs = append(pairs, pair{m.Content[i], m.Content[i+1]})
	}
	// Insertion sort: stable, and models have a handful of keys.
	for i := 1; i < len(pairs); i++ {
		for j := i; j > 0 && rank(pairs[j].k.Value) < rank(pairs[j-1].k.Value); j-- {
			pairs[j], pairs[j-1] = pairs[j-1], pairs[j]
		}
	}
	m.Content = m.Content[:0]
	for _, p := range pairs {
		m.Content = append(m.Content, p.k, p.v)
		if f := inner[p.k.Value]; f != nil && p.v.Kind != yaml.AliasNode {
			f(p.v)
		}
	}
}

func joinComments(a, b string) string {
	if b == "" {
		return a
	}
	return a + "\n\n" + b
}
