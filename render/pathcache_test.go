package render

import (
	"reflect"
	"testing"
)

// TestPaths: Parse gives what ParsePath gives, parses each data once, and
// refuses what ParsePath refuses.
func TestPaths(t *testing.T) {
	var c Paths
	const d = "M10 10 h20 v20 z"
	want, err := ParsePath(d)
	if err != nil {
		t.Fatal(err)
	}
	first, ok := c.Parse(d)
	if !ok || !reflect.DeepEqual(first, want) {
		t.Fatalf("Parse = %v, %v; want %v", first, ok, want)
	}
	if again, _ := c.Parse(d); &again[0] != &first[0] {
		t.Error("the second Parse parsed anew")
	}
	if p, ok := c.Parse("M10 10 L"); ok {
		t.Errorf("bad data parsed to %v", p)
	}
	if len(c.parsed) != 1 {
		t.Errorf("%d data remembered, want 1", len(c.parsed))
	}
}
