package manifest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kviz/kviz/model"
)

// ReadMax stops at the object after the limit, with its position.
func TestReadMax(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 5; i++ {
		fmt.Fprintf(&b, "kind: ConfigMap\nmetadata: {name: c%d}\n---\n", i)
	}
	b.WriteString("kind: List\nitems:\n  - {kind: Pod, metadata: {name: p1}}\n  - {kind: Pod, metadata: {name: p2}}\n")
	for _, tt := range []struct {
		max  int
		want string
	}{
		{7, ""},
		{6, "m.yaml:19:5: more than 6 objects (raise the limit with --max-nodes)"},
		{3, "m.yaml:10:1: more than 3 objects (raise the limit with --max-nodes)"},
	} {
		objs, err := ReadMax("m.yaml", []byte(b.String()), tt.max)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.want || err == nil && len(objs) != 7 {
			t.Errorf("ReadMax(%d) = %d objects, %q; want %q", tt.max, len(objs), got, tt.want)
		}
	}
}

// A volumeClaimTemplates entry with a non-string key once panicked.
func TestClaimTemplateWithOddKeys(t *testing.T) {
	objs, err := Read("m.yaml", []byte(`apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  volumeClaimTemplates:
    - metadata: {name: data}
      5: five
      spec: {storageClassName: fast}
`))
	if err != nil {
		t.Fatal(err)
	}
	doc := Build(objs, Options{})
	var labels []string
	for _, n := range doc.Nodes {
		labels = append(labels, *n.Label)
		for _, c := range n.Nodes {
			labels = append(labels, *c.Label)
		}
	}
	if got := strings.Join(labels, "|"); !strings.Contains(got, "data\n(claim template)") {
		t.Errorf("nodes %q, want the claim template", got)
	}
}

// Control characters in names and values are written as escapes: the
// model made from the manifests loads, and its text is printable.
func TestControlCharacters(t *testing.T) {
	objs, err := Read("m.yaml", []byte("kind: ConfigMap\nmetadata: {name: \"a\\0b\"}\n---\nkind: \"Con\\x01fig\"\nmetadata: {name: c, namespace: \"n\\x1bs\"}\n"))
	if err != nil {
		t.Fatal(err)
	}
	out, err := Build(objs, Options{}).YAML()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := model.Parse("model.yaml", out, model.Options{}); err != nil {
		t.Fatalf("the model does not load: %v\n%s", err, out)
	}
	for _, want := range []string{`a\x00b`, `Con\x01fig`, `n\x1bs`} {
		if !strings.Contains(string(out), want) {
			t.Errorf("no %s in\n%s", want, out)
		}
	}
}

// ReadIfManifests tells manifests from models as Looks does, and reads
// them as ReadMax does.
func TestReadIfManifests(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		manifest bool
		objs     int
	}{
		{"a model", "nodes: [{id: a}]\n", false, 0},
		{"a model with kind", "kind: x\nnodes: []\n", false, 0},
		{"not YAML", "a: [\n", false, 0},
		{"empty documents", "---\n# nothing\n---\n", true, 0},
		{"manifests after an empty one", "---\nkind: Pod\nmetadata: {name: a}\n---\nkind: Pod\nmetadata: {name: b}\n", true, 2},
		{"a List", "kind: List\nitems: [{kind: Pod, metadata: {name: a}}]\n", true, 1},
	} {
		objs, ok, err := ReadIfManifests("m.yaml", []byte(tt.in), 10)
		if ok != tt.manifest || ok != Looks([]byte(tt.in)) || len(objs) != tt.objs || err != nil {
			t.Errorf("%s: %d objects, manifest %v (Looks %v), %v", tt.name, len(objs), ok, Looks([]byte(tt.in)), err)
		}
	}
	if _, ok, err := ReadIfManifests("m.yaml", []byte("kind: Pod\n---\nkind: Pod\nmetadata: {name: b}\n"), 10); !ok || err == nil {
		t.Errorf("a manifest without a name: %v, %v", ok, err)
	}
}
