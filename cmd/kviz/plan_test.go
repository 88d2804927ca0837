package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestPlanRouting: where -o and -f send each input's drawings, and the
// combinations refused.
func TestPlanRouting(t *testing.T) {
	dir := t.TempDir()
	a, b, c := filepath.Join(dir, "a.yaml"), filepath.Join(dir, "b.yaml"), filepath.Join(dir, "sub", "c.yaml")
	if err := os.Mkdir(filepath.Dir(c), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{a, b, c} {
		if err := os.WriteFile(p, []byte("nodes: [{id: x}]\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "out")
	tests := []struct {
		name           string
		args           []string
		output, format string
		want           []string // format:path of every output, in order
		err            string
	}{
		{"beside", []string{a}, "", "", []string{"svg:" + filepath.Join(dir, "a.svg")}, ""},
		{"beside, two formats", []string{a}, "", "svg,png", []string{"svg:" + filepath.Join(dir, "a.svg"), "png:" + filepath.Join(dir, "a.png")}, ""},
		{"a file, format from its extension", []string{a}, out + ".png", "", []string{"png:" + out + ".png"}, ""},
		{"a file of another extension than -f", []string{a}, out + ".png", "svg", nil, "format svg does not match"},
		{"a file of no known extension", []string{a}, out + ".xyz", "", nil, "cannot tell the format"},
		{"two formats into one file", []string{a}, out, "svg,png", nil, "several formats need a folder"},
		{"a folder by its slash", []string{a}, out + "/", "svg,png", []string{"svg:" + filepath.Join(out, "a.svg"), "png:" + filepath.Join(out, "a.png")}, ""},
		{"two inputs into a folder", []string{a, b}, out, "", []string{"svg:" + filepath.Join(out, "a.svg"), "svg:" + filepath.Join(out, "b.svg")}, ""},
		{"two inputs into a file", []string{a, b}, out + ".svg", "", nil, "several inputs need a folder"},
		{"a folder's files under -o", []string{dir}, out, "png", []string{"png:" + filepath.Join(out, "a.png"), "png:" + filepath.Join(out, "b.png"), "png:" + filepath.Join(out, "sub", "c.png")}, ""},
		{"a folder's files beside themselves", []string{dir}, "", "", []string{"svg:" + filepath.Join(dir, "a.svg"), "svg:" + filepath.Join(dir, "b.svg"), "svg:" + filepath.Join(dir, "sub", "c.svg")}, ""},
		{"standard input to standard output", []string{"-"}, "", "", []string{"svg:-"}, ""},
		{"standard output, two formats", []string{a}, "-", "svg,png", nil, "-o - takes one input file and one format"},
		{"an unknown format", []string{a}, "", "svg,gif", nil, `unknown format "gif"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o := renderOpts{output: tc.output, format: tc.format}
			p, err := plan(tc.args, o)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("got %v, want an error holding %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, j := range p.jobs {
				for _, out := range j.outs {
					got = append(got, out.format+":"+out.path)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
