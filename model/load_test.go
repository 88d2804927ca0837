package model

import (
	"fmt"
	"strings"
	"testing"

	_ "github.com/kviz/kviz/internal/golden" // for -update
)

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // every error, one a line, in order
	}{
		{"empty file", "", `m.yaml:1:1: empty model: expected a mapping with ` + "`nodes`"},
		{"only a comment", "# nothing\n", `m.yaml:1:1: empty model: expected a mapping with ` + "`nodes`"},
		{"not YAML", "nodes: [\n", `m.yaml:1:1: not valid YAML: did not find expected node content`},
		{"not a mapping", "- a\n- b\n", `m.yaml:1:1: the model must be a mapping, not a list`},
		{"two documents", "nodes: []\n---\nnodes: []\n", `m.yaml:3:1: a model is one YAML document; found a second one`},
		{"unknown top key", "nodez: []\n", `m.yaml:1:1: unknown key "nodez" in the model; did you mean "nodes"?`},
		{"duplicate key", "title: a\ntitle: b\n", `m.yaml:2:1: duplicate key "title" in the model (first at line 1)`},
		{"unknown node key", "nodes:\n  - {id: a, lable: x}\n", `m.yaml:2:13: unknown key "lable" in a node; did you mean "label"?`},
		{"wrong type", "nodes:\n  - {id: a, label: [x]}\n", `m.yaml:2:20: label must be a string, not a list`},
		{"nodes not a list", "nodes: {id: a}\n", `m.yaml:1:8: nodes must be a list, not a mapping`},
		{"missing id", "nodes:\n  - {kind: pod}\n", `m.yaml:2:5: a node needs an id`},
		{"bad id", "nodes:\n  - {id: a b}\n", `m.yaml:2:10: id "a b" may only hold letters, digits, '_', '.' and '-'`},
		{"reserved id", "nodes:\n  - {id: kviz-pod}\n", `m.yaml:2:10: id "kviz-pod": ids starting with "kviz-" are kviz's own (its SVG names icons and parts so)`},
		{"duplicate id", "nodes:\n  - {id: a}\n  - id: g\n    nodes:\n      - {id: a}\n",
			`m.yaml:5:14: duplicate id "a" (first at line 2)`},
		{"unknown kind", "nodes:\n  - {id: a, kind: deplyment}\n", `m.yaml:2:19: unknown kind "deplyment"; did you mean "deployment"?`},
		{"unknown kind far", "nodes:\n  - {id: a, kind: zebra}\n", `m.yaml:2:19: unknown kind "zebra"`},
		{"bad direction", "direction: up\n", `m.yaml:1:12: unknown direction "up" (one of TB, LR, BT, RL)`},
		{"bad layout", "layout: dott\n", `m.yaml:1:9: unknown layout "dott" (one of dot, neato, fdp, circo, twopi, osage); did you mean "dot"?`},
		{"bad theme", "theme: drak\n", `m.yaml:1:8: unknown theme "drak" (one of kubernetes, light, dark, mono); did you mean "dark"?`},
		{"legend not bool", "legend: yes please\n", `m.yaml:1:9: legend must be true or false, not the string "yes please"`},
		{"bad style key", "nodes:\n  - {id: a, style: {colour: red}}\n", `m.yaml:2:21: unknown key "colour" in a node style; did you mean "color"?`},
		{"bad colour", "nodes:\n  - {id: a, style: {fill: \"#12345\"}}\n", `m.yaml:2:27: bad colour "#12345" for fill: use #rrggbb or a colour name`},
		{"bad colour name", "nodes:\n  - {id: a, style: {fill: bleu}}\n", `m.yaml:2:27: bad colour "bleu" for fill: use #rrggbb or a colour name; did you mean "blue"?`},
		{"bad dash", "nodes:\n  - {id: a, style: {dash: dashy}}\n", `m.yaml:2:27: unknown dash "dashy" (one of solid, dashed, dotted); did you mean "dashed"?`},
		{"bad weight", "nodes:\n  - {id: a, style: {font-weight: heavy}}\n", `m.yaml:2:34: unknown font-weight "heavy" (one of normal, bold)`},
		{"bad label position", "nodes:\n  - {id: a, style: {label-position: left}}\n", `m.yaml:2:37: unknown label-position "left" (one of top, bottom)`},
		{"bad shape", "nodes:\n  - {id: a, style: {shape: star}}\n", `m.yaml:2:28: unknown shape "star" (one of icon, box, rounded, ellipse, circle, cloud, cylinder, text)`},
		{"replicas zero", "nodes:\n  - {id: a, replicas: 0}\n", `m.yaml:2:23: replicas must be at least 1, not 0`},
		{"replicas text", "nodes:\n  - {id: a, replicas: many}\n", `m.yaml:2:23: replicas must be a whole number, not the string "many"`},
		{"edge to nothing", "nodes:\n  - {id: api}\nedges:\n  - {from: api, to: etcd}\n", `m.yaml:4:21: to: no node has id "etcd"`},
		{"edge from nothing", "nodes:\n  - {id: api}\nedges:\n  - {from: apo, to: api}\n", `m.yaml:4:12: from: no node has id "apo"; did you mean "api"?`},
		{"edge list with missing", "nodes:\n  - {id: a}\n  - {id: b}\nedges:\n  - {from: a, to: [b, c, bb]}\n",
			"m.yaml:5:23: to: no node has id \"c\"\nm.yaml:5:26: to: no node has id \"bb\"; did you mean \"b\"?"},
		{"edge from group to member", "nodes:\n  - id: g\n    nodes:\n      - id: h\n        nodes: [{id: a}]\nedges:\n  - {from: g, to: a}\n",
			`m.yaml:7:19: an edge from group "g" to "a", which it holds: draw it to a node outside the group`},
		{"edge from member to group", "nodes:\n  - id: g\n    nodes: [{id: a}]\nedges:\n  - {from: a, to: [g]}\n",
			`m.yaml:5:20: an edge from "a" to group "g", which holds it: draw it to a node outside the group`},
		{"edge written twice", "nodes:\n  - {id: a}\n  - {id: b}\nedges:\n  - {from: a, to: b}\n  - {from: a, to: [c, b]}\n",
			"m.yaml:6:20: to: no node has id \"c\"\nm.yaml:6:23: edge from \"a\" to \"b\" written twice (first at 5:19)"},
		{"edge list written twice", "nodes:\n  - {id: a}\n  - {id: b}\nedges:\n  - {from: [a, a], to: b}\n",
			`m.yaml:5:16: edge from "a" to "b" written twice (first at 5:13)`},
		{"edge empty from", "nodes:\n  - {id: a}\nedges:\n  - {from: [], to: a}\n", "m.yaml:4:12: an edge with an empty `from` comes from nowhere"},
		{"edge from list with missing", "nodes:\n  - {id: a}\nedges:\n  - {from: [a, x], to: a}\n", `m.yaml:4:16: from: no node has id "x"`},
		{"bad splines", "splines: orth\n", `m.yaml:1:10: unknown splines "orth" (one of curved, ortho, polyline, line); did you mean "ortho"?`},
		{"align unknown id", "nodes:\n  - {id: a}\nalign: [a, b]\n", `m.yaml:3:12: align: no node has id "b"`},
		{"align a group", "nodes:\n  - {id: g, nodes: [{id: a}]}\nalign: [[g, a]]\n", `m.yaml:3:10: align: "g" is a group; align its members, or give it style: {columns: N}`},
		{"align twice", "nodes:\n  - {id: a}\n  - {id: b}\nalign: [[a, b], [b, a]]\n",
			"m.yaml:4:18: align: \"b\" is aligned twice (first at 4:13)\nm.yaml:4:21: align: \"a\" is aligned twice (first at 4:10)"},
		{"align mixed", "nodes:\n  - {id: a}\n  - {id: b}\nalign: [a, [b]]\n", `m.yaml:4:8: align is one row of ids or a list of rows, not both`},
		{"columns zero", "nodes:\n  - {id: g, style: {columns: 0}, nodes: [{id: a}]}\n", `m.yaml:2:30: columns must be from 1 to 1000, not 0`},
		{"columns text", "nodes:\n  - {id: g, style: {columns: two}, nodes: [{id: a}]}\n", `m.yaml:2:30: columns must be a whole number, not the string "two"`},
		{"legend bad position", "legend: {position: left}\n", `m.yaml:1:20: unknown legend position "left" (one of right, bottom, none)`},
		{"legend bad key", "legend: {place: right}\n", `m.yaml:1:10: unknown key "place" in the legend`},
		{"legend zero columns", "legend: {columns: 0}\n", `m.yaml:1:19: legend columns must be from 1 to 100, not 0`},
		{"edge without to", "nodes:\n  - {id: a}\nedges:\n  - {from: a}\n", "m.yaml:4:5: an edge needs `to`"},
		{"edge empty to", "nodes:\n  - {id: a}\nedges:\n  - {from: a, to: []}\n", "m.yaml:4:19: an edge with an empty `to` goes nowhere"},
		{"bad arrow", "nodes:\n  - {id: a}\nedges:\n  - {from: a, to: a, arrow: closed}\n", `m.yaml:4:29: unknown arrow "closed" (one of normal, open, none)`},
		{"bad dir", "nodes:\n  - {id: a}\nedges:\n  - {from: a, to: a, dir: sideways}\n", `m.yaml:4:27: unknown dir "sideways" (one of forward, back, both, none)`},
		{"bad edge style", "nodes:\n  - {id: a}\nedges:\n  - {from: a, to: a, style: wavy}\n", `m.yaml:4:29: unknown edge style "wavy" (one of solid, dashed, dotted)`},
		{"bad edge colour", "nodes:\n  - {id: a}\nedges:\n  - {from: a, to: a, color: \"#ggg\"}\n", `m.yaml:4:29: bad colour "#ggg" for color: use #rrggbb or a colour name`},
		{"data link", "nodes:\n  - {id: a, link: \"data:text/html,<script>x</script>\"}\n", `m.yaml:2:19: link scheme "data" is not allowed (use http, https, mailto or a relative link)`},
		{"javascript link", "nodes:\n  - {id: a, link: \"javascript:alert(1)\"}\n", `m.yaml:2:19: link scheme "javascript" is not allowed (use http, https, mailto or a relative link)`},
		{"icon file", "nodes:\n  - {id: a, icon: ./x.svg}\n", `m.yaml:2:19: icon "./x.svg": icon files need the model to be read from a file`},
		{"icon png", "nodes:\n  - {id: a, icon: logo.png}\n", `m.yaml:2:19: icon "logo.png": kviz draws vector icons; give an SVG file`},
		{"several errors sorted", "theme: x\nnodes:\n  - {id: a, kind: q}\ndirection: y\n",
			"m.yaml:1:8: unknown theme \"x\" (one of kubernetes, light, dark, mono)\n" +
				"m.yaml:3:19: unknown kind \"q\"\n" +
				"m.yaml:4:12: unknown direction \"y\" (one of TB, LR, BT, RL)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Load("m.yaml", strings.NewReader(tt.in), Options{})
			if err == nil {
				t.Fatalf("no error; want\n%s", tt.want)
			}
			if m != nil {
				t.Errorf("a model came back with the error")
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestLoadLimits(t *testing.T) {
	// A billion-laughs file: each level a node holding ten of the level
	// below, nine levels deep: 10^8 nodes once expanded.
	var b strings.Builder
	b.WriteString("nodes:\n  - &a0 {id: a0}\n")
	for i := 1; i < 9; i++ {
		prev := fmt.Sprintf("*a%d", i-1)
		fmt.Fprintf(&b, "  - &a%d {id: a%d, nodes: [%s%s]}\n", i, i, strings.Repeat(prev+", ", 9), prev)
	}
	_, err := Load("laughs.yaml", strings.NewReader(b.String()), Options{})
	if err == nil || !strings.Contains(err.Error(), "too many YAML nodes after expanding aliases") {
		t.Fatalf("billion laughs: got %v", err)
	}
	if n := len(err.(ErrorList)); n > maxErrors+2 {
		t.Errorf("billion laughs: %d errors, want at most %d", n, maxErrors+2)
	}

	var nodes strings.Builder
	nodes.WriteString("nodes:\n")
	for i := 0; i < 6; i++ {
		nodes.WriteString("  - {id: n" + string(rune('0'+i)) + "}\n")
	}
	_, err = Load("many.yaml", strings.NewReader(nodes.String()), Options{MaxNodes: 5})
	if got, want := errString(err), "many.yaml:7:5: more than 5 nodes (raise the limit with --max-nodes)"; got != want {
		t.Errorf("max nodes: got %q, want %q", got, want)
	}

	deep := "nodes:\n"
	indent := "  "
	for i := 0; i < MaxDepth+2; i++ {
		deep += indent + "- id: g" + strings.Repeat("x", i) + "\n" + indent + "  nodes:\n"
		indent += "    "
	}
	deep += indent + "- {id: leaf}\n"
	_, err = Load("deep.yaml", strings.NewReader(deep), Options{})
	if err == nil || !strings.Contains(err.Error(), "groups are nested more than 32 deep") {
		t.Errorf("depth: got %v", err)
	}
}

func TestLoadTooLarge(t *testing.T) {
	big := "nodes: []\n# " + strings.Repeat("x", MaxBytes) + "\n"
	_, err := Load("big.yaml", strings.NewReader(big), Options{})
	if got, want := errString(err), "big.yaml:1:1: file is larger than 16 MiB"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestLoadModel(t *testing.T) {
	in := `title: T
direction: LR
nodes:
  - id: cp
    kind: control-plane
    nodes:
      - {id: api, kind: api, replicas: 3}
      - {id: etcd, kind: etcd, label: "store"}
  - {id: x, kind: svc, icon: deploy, style: {fill: "#FFF", shape: box}}
edges:
  - {from: api, to: [etcd, x], arrow: open, dir: both, label: calls}
`
	m, err := Load("m.yaml", strings.NewReader(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	api := m.Lookup("api")
	if api.Kind.Name != "api-server" || api.Label != "API server" || api.Replicas != 3 || api.Parent.ID != "cp" {
		t.Errorf("api = %+v", api)
	}
	if api.Pos.Line != 7 || api.Pos.Col != 9 {
		t.Errorf("api at %v, want line 7 col 9", api.Pos)
	}
	if !m.Lookup("cp").IsGroup || m.Lookup("etcd").Label != "store" {
		t.Errorf("cp or etcd wrong")
	}
	x := m.Lookup("x")
	if x.Kind.Name != "service" || x.Icon.Name != "deployment" || x.Style.Fill != "#fff" || x.Style.Shape != "box" {
		t.Errorf("x = %+v", x)
	}
	if len(m.Edges) != 2 || m.Edges[1].To != "x" || m.Edges[1].Arrow != "open" || m.Edges[1].Dir != "both" || m.Edges[1].Label != "calls" {
		t.Errorf("edges = %+v", m.Edges)
	}
	if m.Direction != "LR" || m.Engine != "dot" || m.Theme != "kubernetes" {
		t.Errorf("settings %s %s %s", m.Direction, m.Engine, m.Theme)
	}
}

func TestEveryKindAndAliasLoads(t *testing.T) {
	for _, k := range Kinds {
		for _, name := range append([]string{k.Name}, k.Aliases...) {
			m, err := Load("k.yaml", strings.NewReader("nodes:\n  - {id: a, kind: "+name+"}\n"), Options{})
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			if got := m.Lookup("a").Kind; got != k {
				t.Errorf("%s loads as %s, want %s", name, got.Name, k.Name)
			}
		}
	}
}

func TestAliasesAreUnique(t *testing.T) {
	seen := map[string]string{}
	for _, k := range Kinds {
		for _, name := range append([]string{k.Name}, k.Aliases...) {
			if other, dup := seen[name]; dup {
				t.Errorf("%q names both %s and %s", name, other, k.Name)
			}
			seen[name] = k.Name
		}
	}
}

func FuzzLoad(f *testing.F) {
	for _, s := range []string{"", "nodes: []", "nodes:\n  - {id: a, kind: api}\nedges:\n  - {from: a, to: a}\n",
		"a: &a [*a]", "title: \"\\u0000\"\n", "nodes: [{id: a, nodes: [{id: b}]}]",
		// The layout controls: lists in from, align rows, legend places, columns.
		"splines: ortho\nalign: [[a, b], [c]]\nlegend: {position: bottom, columns: 2}\nnodes: [{id: g, style: {columns: 2}, nodes: [{id: a}, {id: b}]}, {id: c}]\nedges: [{from: [a, b], to: [c, c]}, {from: g, to: a}]\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Parse("f.yaml", data, Options{})
		if (m == nil) == (err == nil) {
			t.Fatalf("model %v with error %v", m, err)
		}
		if err != nil {
			for _, e := range err.(ErrorList) {
				if e.Pos.Line < 1 || e.Pos.Col < 1 {
					t.Fatalf("unpositioned error %q", e)
				}
			}
		}
	})
}
