package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tree writes files (path → content) under a new folder.
func writeTree(t testing.TB, files map[string]string) string {
	dir := t.TempDir()
	for path, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestWalkFolder(t *testing.T) {
	const model = "nodes: []\n"
	files := map[string]string{
		"a.yaml": model, "b.yml": model, "drafts/c.yaml": model, "deep/x/d.yaml": model,
		"deep/x/e.yaml": model, "node_modules/pkg/f.yaml": model, ".cache/g.yaml": model,
		"page.md": "```kviz\nnodes: []\n```\n", "plain.md": "# no fences\n", "notes.txt": model,
		"other.yaml": "label: x\n",
	}
	for _, tt := range []struct {
		name, ignore string
		exclude      []string
		want         string
	}{
		{"all", "", nil, "a.yaml b.yml deep/x/d.yaml deep/x/e.yaml drafts/c.yaml page.md"},
		{"a folder", "drafts/\n", nil, "a.yaml b.yml deep/x/d.yaml deep/x/e.yaml page.md"},
		{"negation", "*.yaml\n!d.yaml\n", nil, "b.yml deep/x/d.yaml page.md"},
		{"anchored", "/a.yaml\n", nil, "b.yml deep/x/d.yaml deep/x/e.yaml drafts/c.yaml page.md"},
		{"double star", "deep/**/e.yaml\n", nil, "a.yaml b.yml deep/x/d.yaml drafts/c.yaml page.md"},
		{"exclude has the last word", "!a.yaml\n", []string{"a.yaml", "*.md"}, "b.yml deep/x/d.yaml deep/x/e.yaml drafts/c.yaml"},
		{"question mark", "?.yml\n", nil, "a.yaml deep/x/d.yaml deep/x/e.yaml drafts/c.yaml page.md"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fs := map[string]string{}
			for k, v := range files {
				fs[k] = v
			}
			if tt.ignore != "" {
				fs[".kvizignore"] = tt.ignore
			}
			dir := writeTree(t, fs)
			found, _, err := walkFolder(dir, walkOpts{exclude: tt.exclude})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range found {
				rel, _ := filepath.Rel(dir, f.path)
				got = append(got, filepath.ToSlash(rel))
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("got  %s\nwant %s", strings.Join(got, " "), tt.want)
			}
		})
	}
}

// TestWalkNestedIgnore: a .kvizignore in a folder under the one drawn
// applies to that folder only.
func TestWalkNestedIgnore(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"a.yaml": "nodes: []\n", "sub/a.yaml": "nodes: []\n", "sub/.kvizignore": "a.yaml\n",
	})
	found, _, err := walkFolder(dir, walkOpts{})
	if err != nil {
		t.Fatal(err)
	}
	if len(found) != 1 || filepath.Base(filepath.Dir(found[0].path)) == "sub" {
		t.Errorf("found %v, want only the top a.yaml", found)
	}
}

// FuzzIgnore: any .kvizignore is read without a panic, and the walk
// still never returns a path outside the folder.
func FuzzIgnore(f *testing.F) {
	for _, seed := range []string{"*.yaml\n", "!a\n[\n", "**/\n\\!x\n", "/\n", "a/**/b\r\n#c\n", "[!a-]\n{a,b}\n"} {
		f.Add(seed)
	}
	dir := writeTree(f, map[string]string{"a.yaml": "nodes: []\n", "s/b.yaml": "nodes: []\n"})
	f.Fuzz(func(t *testing.T, ignore string) {
		if err := os.WriteFile(filepath.Join(dir, ".kvizignore"), []byte(ignore), 0o644); err != nil {
			t.Fatal(err)
		}
		found, _, err := walkFolder(dir, walkOpts{exclude: strings.Split(ignore, "\n")})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range found {
			if !strings.HasPrefix(f.path, dir+string(filepath.Separator)) {
				t.Fatalf("walked out to %s", f.path)
			}
		}
	})
}
