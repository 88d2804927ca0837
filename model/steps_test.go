package model

import (
	"strings"
	"testing"
)

const stepsBase = "nodes:\n  - {id: api}\n  - id: grp\n    nodes: [{id: etcd}]\nedges:\n  - {from: api, to: etcd}\n"

func TestStepsLoad(t *testing.T) {
	in := stepsBase + "steps:\n  - {title: One, caption: first, show: [grp]}\n  - {show: [api, api->etcd], highlight: [etcd], hide: [grp]}\n"
	m, err := Parse("m.yaml", []byte(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Steps) != 2 {
		t.Fatalf("%d steps, want 2", len(m.Steps))
	}
	s1, s2 := m.Steps[0], m.Steps[1]
	if s1.Title != "One" || s1.Caption != "first" || len(s1.Show) != 1 || s1.Show[0].ID != "grp" {
		t.Errorf("step 1: %+v", s1)
	}
	if s1.Pos.Line != 8 || s1.Show[0].Pos != (Pos{"m.yaml", 8, 41}) {
		t.Errorf("step 1 positions: %v, %v", s1.Pos, s1.Show[0].Pos)
	}
	if len(s2.Show) != 2 || !s2.Show[1].IsEdge() || s2.Show[1].From != "api" || s2.Show[1].To != "etcd" || s2.Show[1].String() != "api->etcd" {
		t.Errorf("step 2 show: %+v", s2.Show)
	}
	if len(s2.Highlight) != 1 || s2.Highlight[0].ID != "etcd" || len(s2.Hide) != 1 || s2.Hide[0].ID != "grp" {
		t.Errorf("step 2: %+v", s2)
	}
	if m, _ := Parse("m.yaml", []byte(stepsBase), Options{}); m.Steps != nil {
		t.Errorf("a model without steps has %d", len(m.Steps))
	}
}

func TestStepsErrors(t *testing.T) {
	tests := []struct {
		name, steps, want string
	}{
		{"unknown id", "  - {show: [etcb]}\n", `m.yaml:8:13: show: no node has id "etcb"; did you mean "etcd"?`},
		{"unknown id far", "  - {highlight: [zebra]}\n", `m.yaml:8:18: highlight: no node has id "zebra"`},
		{"unknown edge", "  - {hide: [etcd->api]}\n", `m.yaml:8:13: hide: no edge runs "etcd->api"; did you mean "api->etcd"?`},
		{"edge to nothing", "  - {show: [api->nope]}\n", `m.yaml:8:13: show: no edge runs "api->nope"`},
		{"unknown key", "  - {shwo: [api]}\n", `m.yaml:8:6: unknown key "shwo" in a step; did you mean "show"?`},
		{"not a list", "  - {show: api}\n", `m.yaml:8:12: show must be a list, not the string "api"`},
		{"steps not a list", "  {show: [api]}\n", `m.yaml:8:3: steps must be a list, not a mapping`},
		{"title a list", "  - {title: [a]}\n", `m.yaml:8:13: title must be a string, not a list`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Parse("m.yaml", []byte(stepsBase+"steps:\n"+tt.steps), Options{})
			if err == nil || m != nil {
				t.Fatalf("no error; want %s", tt.want)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
	var many strings.Builder
	many.WriteString(stepsBase + "steps:\n")
	for range MaxSteps + 1 {
		many.WriteString("  - {show: [api]}\n")
	}
	_, err := Parse("m.yaml", []byte(many.String()), Options{})
	if err == nil || !strings.Contains(err.Error(), "more than 500 steps") {
		t.Errorf("too many steps: %v", err)
	}
}

func TestStepsFormat(t *testing.T) {
	in := stepsBase + "steps:\n  - hide: [api]\n    show: [etcd]   # later\n    title: T\n"
	got, err := Format("m.yaml", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if want := "steps:\n  - title: T\n    show: [etcd] # later\n    hide: [api]\n"; !strings.HasSuffix(string(got), want) {
		t.Errorf("got\n%s\nwant it to end\n%s", got, want)
	}
}
