package graphviz

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Spacing, in points, that kviz asks of Graphviz.
const (
	nodeSep    = 28 // between neighbours in a rank
	clusterPad = 12 // inside a cluster's frame, around its members
)

// RankSep is the room between ranks, in points, unless a Graph asks for
// more.
const RankSep = 40

// DOT writes the graph as the DOT that Layout hands to Graphviz. Nodes are
// named n0, n1, ... and clusters cluster_0, ... in source order, so the
// same graph always gives the same text; model ids ride along as `id`.
func DOT(g *Graph) []byte {
	number(g)
	return write(g)
}

// number gives every node its DOT name and every empty cluster the
// placeholder box Graphviz needs to draw it; read finds nodes by these
// names. It changes g only the first time: calling it again is harmless.
func number(g *Graph) {
	nodes, clusters := 0, 0
	walk(g.Nodes, func(n *Node) {
		if n.Cluster {
			n.name = "cluster_" + strconv.Itoa(clusters)
			clusters++
			if n.anchor() == nil {
				// An empty cluster gets an invisible box to exist at all.
				n.Children = append(n.Children, &Node{Width: 1, Height: 1, Placeholder: true})
			}
		}
	})
	walk(g.Nodes, func(n *Node) {
		if !n.Cluster {
			n.name = "n" + strconv.Itoa(nodes)
			nodes++
		}
	})
}

// write is the DOT text of a numbered graph.
func write(g *Graph) []byte {
	var b bytes.Buffer
	b.WriteString("digraph kviz {\n")
	rankSep := g.RankSep
	if rankSep == 0 {
		rankSep = RankSep
	}
	fmt.Fprintf(&b, "\tgraph [rankdir=%s compound=true newrank=true nodesep=%s ranksep=%s outputorder=edgesfirst",
		g.Direction, inch(nodeSep), inch(rankSep))
	if g.Engine != "dot" {
		if g.Splines == "" {
			b.WriteString(" overlap=false splines=true sep=\"+10\"")
		} else {
			b.WriteString(" overlap=false sep=\"+10\"")
		}
	}
	if g.Splines != "" {
		b.WriteString(" splines=" + g.Splines)
	}
	b.WriteString("]\n")
	b.WriteString("\tnode [shape=box fixedsize=true label=\"\" margin=0]\n")
	b.WriteString("\tedge [arrowsize=0.8]\n")
	writeNodes(&b, g.Nodes, 1)
	for _, r := range g.Ranks {
		b.WriteString("\t{rank=same;")
		for _, n := range r {
			b.WriteString(" " + n.anchor().name + ";")
		}
		b.WriteString("}\n")
	}
	for _, e := range g.Edges {
		writeEdge(&b, e)
	}
	b.WriteString("}\n")
	return b.Bytes()
}

func writeNodes(b *bytes.Buffer, nodes []*Node, depth int) {
	tab := strings.Repeat("\t", depth)
	for _, n := range nodes {
		if !n.Cluster {
			if n.Placeholder { // no id: it is no model node
				fmt.Fprintf(b, "%s%s [width=%s height=%s style=invis]\n", tab, n.name, inch(n.Width), inch(n.Height))
				continue
			}
			label := ""
			if n.Port != nil {
				label = " label=" + portTable(n)
			}
			fmt.Fprintf(b, "%s%s [id=%s width=%s height=%s%s]\n", tab, n.name, quote(n.ID), inch(n.Width), inch(n.Height), label)
			continue
		}
		loc := "t"
		if n.Bottom {
			loc = "b"
		}
		if n.Right {
			loc += " labeljust=r"
		}
		fmt.Fprintf(b, "%ssubgraph %s {\n", tab, n.name)
		fmt.Fprintf(b, "%s\tid=%s label=%s labelloc=%s margin=%d\n", tab, quote(n.ID), slot(n.Width, n.Height), loc, clusterPad)
		writeNodes(b, n.Children, depth+1)
		fmt.Fprintf(b, "%s}\n", tab)
	}
}

func writeEdge(b *bytes.Buffer, e *Edge) {
	from, to := e.From.anchor(), e.To.anchor()
	attrs := []string{"arrowhead=" + e.Head, "arrowtail=" + e.Tail, "dir=both"}
	if e.From.Cluster && !contains(e.From, e.To) {
		attrs = append(attrs, "ltail="+e.From.name)
	}
	if e.To.Cluster && !contains(e.To, e.From) {
		attrs = append(attrs, "lhead="+e.To.name)
	}
	if e.From.Port != nil && !e.From.Cluster {
		attrs = append(attrs, "tailport="+portName)
	}
	if e.LabelWidth > 0 {
		attrs = append(attrs, "label="+slot(e.LabelWidth, e.LabelHeight))
	}
	if e.Dashed {
		attrs = append(attrs, "style=dashed")
	}
	if e.Invisible {
		attrs = append(attrs, "style=invis")
	}
	fmt.Fprintf(b, "\t%s -> %s [%s]\n", from.name, to.name, strings.Join(attrs, " "))
}

// contains reports whether cluster c holds n (or is n).
func contains(c, n *Node) bool {
	if c == n {
		return true
	}
	for _, k := range c.Children {
		if contains(k, n) {
			return true
		}
	}
	return false
}

// portName names the cell of a box that edges attach to.
const portName = "p"

// portTable is an HTML-like label that lays n's box out as rows of empty
// cells: the port cell alone in its row, and rows above and below it as
// wide as the box. Alone in its row, the port touches the box's sides, so
// Graphviz may route an edge out of its left or right side rather than
// through the row below. Cell sizes are whole points; the box keeps its
// own fixed size.
func portTable(n *Node) string {
	p := n.Port
	top, w, h := math.Round(p.Y), math.Round(p.W), math.Round(p.H)
	width := math.Round(n.Width)
	bottom := math.Round(n.Height) - top - h
	cell := func(w, h float64, attrs string) string {
		return fmt.Sprintf(`<tr><td fixedsize="true" width="%d" height="%d"%s></td></tr>`, int(w), int(h), attrs)
	}
	var b strings.Builder
	b.WriteString(`<<table border="0" cellborder="0" cellpadding="0" cellspacing="0">`)
	if top >= 1 {
		b.WriteString(cell(width, top, ""))
	}
	b.WriteString(cell(w, h, ` port="`+portName+`"`))
	if bottom >= 1 {
		b.WriteString(cell(width, bottom, ""))
	}
	b.WriteString("</table>>")
	return b.String()
}

// slot is an HTML-like label of exactly w×h points and no text: Graphviz
// keeps that much room, and kviz draws the real text there itself.
func slot(w, h float64) string {
	return fmt.Sprintf(`<<table border="0" cellborder="0" cellpadding="0" cellspacing="0"><tr><td fixedsize="true" width="%d" height="%d"></td></tr></table>>`,
		int(w+0.999), int(h+0.999))
}

// inch converts points to the inches Graphviz sizes nodes in, rounded up
// to 1/10,000 so a box never comes out smaller than asked.
func inch(pt float64) string {
	v := float64(int64(pt/72*1e4+0.999999)) / 1e4
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// quote writes s as a DOT string.
func quote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}
