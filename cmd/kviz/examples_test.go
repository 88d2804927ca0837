package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/kviz/kviz/internal/golden"
)

// example is a docs site under docs/examples whose build runs kviz.
type example struct {
	dir    string
	static string                                                // where a page's absolute image paths point
	cmds   func(t *testing.T, dir string) (draw, check []string) // the build's kviz commands
}

var examples = []example{
	{"docusaurus", "static", npmScripts},
	{"mkdocs", "docs", makeRules},
}

// TestDocsExamples runs each example site's own kviz commands, as its build
// and its CI would, on a copy of it: the committed drawings are current;
// every image a page references exists; nothing is drawn that no page
// shows; a fresh build draws exactly the committed files; and a broken,
// a stale and an orphaned diagram each fail the check. With -update, the
// example's own build runs first, redrawing its committed images.
func TestDocsExamples(t *testing.T) {
	if _, err := os.UserCacheDir(); err != nil {
		t.Skip("no user cache folder:", err)
	}
	for _, ex := range examples {
		t.Run(ex.dir, func(t *testing.T) {
			src, _ := filepath.Abs(filepath.Join("..", "..", "docs", "examples", ex.dir))
			draw, check := ex.cmds(t, src)
			out := draw[slices.Index(draw, "-o")+1]
			if *golden.Update {
				// The example's drawings and pages are its goldens.
				t.Chdir(src)
				kviz(t, draw, 0, "")
			}
			dir := t.TempDir()
			copyTree(t, src, dir)
			t.Chdir(dir)

			kviz(t, check, 0, "")
			committed := tree(t, out)
			if refs := pageImages(t, ex.static); !slices.Equal(refs, keys(committed)) {
				t.Errorf("the pages show %q, the build draws %q", refs, keys(committed))
			}

			// From pages as written (fences not yet replaced) and no drawings,
			// the build draws exactly the committed files and pages.
			pages := unwrapPages(t)
			os.RemoveAll(out)
			kviz(t, check, 1, "its kviz fences are not rewritten")
			kviz(t, draw, 0, "")
			if fresh := tree(t, out); !equalTrees(fresh, committed) {
				t.Errorf("a fresh build draws %q, the example has %q", keys(fresh), keys(committed))
			}
			for path, want := range pages {
				if got, _ := os.ReadFile(path); !bytes.Equal(got, want) {
					t.Errorf("%s: the build's rewrite differs from the committed page:\n%s", path, got)
				}
			}

			model := firstModel(t)
			orig, _ := os.ReadFile(model)
			os.WriteFile(model, bytes.Replace(orig, []byte("nodes:"), []byte("nodez:"), 1), 0o644)
			kviz(t, check, 1, `unknown key "nodez" in the model`)
			changed := append([]byte("title: Changed\n"), orig...)
			if bytes.Contains(orig, []byte("\ntitle: ")) || bytes.HasPrefix(orig, []byte("title: ")) {
				changed = regexp.MustCompile(`(?m)^title: `).ReplaceAll(orig, []byte("title: Changed "))
			}
			os.WriteFile(model, changed, 0o644)
			kviz(t, check, 1, "stale: ")
			os.Remove(model)
			kviz(t, check, 1, "orphan: ")
		})
	}
}

var wrapped = regexp.MustCompile("(?s)!\\[[^\\]]*\\]\\([^)]*\\)\n\n<details markdown=\"1\">\n<summary>kviz source</summary>\n\n(.*?)\n\n</details>\n")

// unwrapPages puts each page's kviz fences back as written, and returns
// the pages as they were.
func unwrapPages(t *testing.T) map[string][]byte {
	pages := map[string][]byte{}
	filepath.WalkDir("docs", func(path string, d fs.DirEntry, err error) error {
		if err == nil && isPage(path) {
			data, _ := os.ReadFile(path)
			if un := wrapped.ReplaceAll(data, []byte("$1\n")); !bytes.Equal(un, data) {
				pages[path] = data
				os.WriteFile(path, un, 0o644)
			}
		}
		return err
	})
	if len(pages) == 0 {
		t.Fatal("no page has a rewritten kviz fence")
	}
	return pages
}

// kviz runs a command line and checks its exit code and standard error.
func kviz(t *testing.T, args []string, code int, stderr string) {
	t.Helper()
	var out, errs bytes.Buffer
	got := run(context.Background(), args[1:], strings.NewReader(""), &out, &errs)
	if got != code || stderr == "" && errs.Len() > 0 || !strings.Contains(errs.String(), stderr) {
		t.Fatalf("%s: exit %d, want %d; stderr:\n%s", strings.Join(args, " "), got, code, errs.String())
	}
}

// npmScripts reads the kviz commands of package.json's scripts.
func npmScripts(t *testing.T, dir string) ([]string, []string) {
	data, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil {
		t.Fatal(err)
	}
	var pkg struct{ Scripts map[string]string }
	if err := json.Unmarshal(data, &pkg); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(pkg.Scripts["prebuild"], "npm run diagrams") {
		t.Errorf("the build does not draw the diagrams first: prebuild is %q", pkg.Scripts["prebuild"])
	}
	return command(t, pkg.Scripts["diagrams"]), command(t, pkg.Scripts["diagrams:check"])
}

// makeRules reads the kviz commands of the Makefile's rules.
func makeRules(t *testing.T, dir string) ([]string, []string) {
	data, err := os.ReadFile(filepath.Join(dir, "Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	recipe := func(rule string) string {
		m := regexp.MustCompile(`(?m)^` + rule + `:.*\n\t(.*)$`).FindSubmatch(data)
		if m == nil {
			t.Fatalf("no rule %s", rule)
		}
		return string(m[1])
	}
	return command(t, recipe("diagrams")), command(t, recipe("check-diagrams"))
}

func command(t *testing.T, line string) []string {
	args := strings.Fields(line)
	if len(args) < 2 || args[0] != "kviz" || !slices.Contains(args, "-o") {
		t.Fatalf("not a kviz command with -o: %q", line)
	}
	return args
}

var markdownImage = regexp.MustCompile(`!\[[^\]]*\]\(<?([^)>\s]+)>?\)`)

// pageImages lists, sorted, the images the pages under docs show, as
// paths from the site's folder; each must exist.
func pageImages(t *testing.T, static string) []string {
	var refs []string
	filepath.WalkDir("docs", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !isPage(path) {
			return err
		}
		data, _ := os.ReadFile(path)
		for _, m := range markdownImage.FindAllSubmatch(data, -1) {
			ref := string(m[1])
			img := filepath.Join(filepath.Dir(path), filepath.FromSlash(ref))
			if strings.HasPrefix(ref, "/") {
				img = filepath.Join(static, filepath.FromSlash(ref))
			}
			if _, err := os.Stat(img); err != nil {
				t.Errorf("%s shows %s, which is not there", path, ref)
			}
			refs = append(refs, filepath.ToSlash(filepath.Clean(img)))
		}
		return nil
	})
	slices.Sort(refs)
	return slices.Compact(refs)
}

// tree reads every file under dir.
func tree(t *testing.T, dir string) map[string][]byte {
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files[filepath.ToSlash(path)], err = os.ReadFile(path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func keys(m map[string][]byte) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

func equalTrees(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !bytes.Equal(v, b[k]) {
			return false
		}
	}
	return true
}

// firstModel is the first .yaml model under docs, by name.
func firstModel(t *testing.T) string {
	var models []string
	filepath.WalkDir("docs", func(path string, d fs.DirEntry, err error) error {
		if err == nil && filepath.Ext(path) == ".yaml" && !strings.Contains(path, "drafts") {
			data, _ := os.ReadFile(path)
			if c, _ := classify(path, data); c == classModel {
				models = append(models, path)
			}
		}
		return err
	})
	if len(models) == 0 {
		t.Fatal("no model under docs")
	}
	slices.Sort(models)
	return models[0]
}

func copyTree(t *testing.T, src, dst string) {
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
