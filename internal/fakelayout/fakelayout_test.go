package fakelayout_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kviz/kviz/internal/fakelayout"
	"github.com/kviz/kviz/layouts"
	"github.com/kviz/kviz/model"
	"github.com/kviz/kviz/render"
	"github.com/kviz/kviz/render/png"
	"github.com/kviz/kviz/render/svg"
)

// This package's tests never start Graphviz: its test binary does not
// contain go-graphviz (TestNoGraphviz), so they run without its WASM, its
// cache or its start-up time, and check kviz's own work.

// TestNoGraphviz: this test binary does not contain go-graphviz, nor
// does anything it imports import it.
func TestNoGraphviz(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin, err := os.ReadFile(exe)
	if err != nil {
		t.Fatal(err)
	}
	// Every linked package leaves its symbols, "<import path>.<name>", in
	// the binary. The needles are joined at run time, so that this test's
	// own strings do not hold them.
	symbol := func(path ...string) []byte { return []byte(strings.Join(path, "/") + ".") }
	if !bytes.Contains(bin, symbol("github.com", "kviz", "kviz", "layouts")) {
		t.Fatal("the test binary holds no symbol of package layouts: the checks below would prove nothing")
	}
	for _, pkg := range [][]string{{"github.com", "goccy", "go-graphviz"}, {"github.com", "tetratelabs", "wazero"}} {
		if bytes.Contains(bin, symbol(pkg...)) {
			t.Errorf("the fake layout's test binary contains %s", strings.Join(pkg, "/"))
		}
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to list dependencies with")
	}
	out, err := exec.Command(gobin, "list", "-test", "-deps", ".").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), "github.com/kviz/kviz/layouts\n") {
		t.Error("the dependency list does not even hold package layouts")
	}
	for _, dep := range []string{"github.com/goccy/go-graphviz", "github.com/kviz/kviz/layouts/graphviz/wasm", "layouts/graphviz/internal/wasmcache"} {
		if strings.Contains(string(out), dep) {
			t.Errorf("the fake layout's tests depend on %s", dep)
		}
	}
}

func models(t *testing.T) []string {
	var out []string
	for _, dir := range []string{"figures", "models"} {
		found, err := filepath.Glob(filepath.Join("..", "..", "testdata", dir, "*.yaml"))
		if err != nil || len(found) == 0 {
			t.Fatalf("no models in testdata/%s (%v)", dir, err)
		}
		out = append(out, found...)
	}
	return out
}

// TestComposeWithoutGraphviz lays every testdata model out on the fake in
// every theme: labels fit their nodes, members their groups, and the
// scene's JSON draws the same SVG (and in one theme PNG) bytes as the scene.
func TestComposeWithoutGraphviz(t *testing.T) {
	for _, path := range models(t) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		m, err := model.Parse(path, data, model.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, theme := range model.Themes {
			sc, err := layouts.Layout(context.Background(), m, layouts.Options{Theme: theme, Placer: fakelayout.Rows{}})
			if err != nil {
				t.Fatalf("%s %s: %v", path, theme, err)
			}
			check(t, path+" "+theme, sc, theme == model.Themes[0])
		}
	}
}

// check checks the scene's geometry and that its JSON draws the same SVG
// and, withPNG, PNG.
func check(t *testing.T, name string, sc *render.Scene, withPNG bool) {
	t.Helper()
	byID := map[string]render.Node{}
	for _, n := range sc.Nodes {
		byID[n.ID] = n
	}
	for _, n := range sc.Nodes {
		if n.Label != "" && !n.Box().Contains(n.LabelBox, 0.01) {
			t.Errorf("%s: the label of %s overflows its box", name, n.ID)
		}
		if p, ok := byID[n.Parent]; ok && !p.Box().Contains(n.Box(), 0.01) {
			t.Errorf("%s: %s lies outside its group %s", name, n.ID, n.Parent)
		}
	}
	var js, a, b bytes.Buffer
	if err := render.EncodeJSON(&js, sc); err != nil {
		t.Fatal(err)
	}
	back, err := render.DecodeJSON(name, js.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if err := svg.Encode(&a, sc); err != nil {
		t.Fatal(err)
	}
	if err := svg.Encode(&b, back); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("%s: the SVG of the decoded scene differs", name)
	}
	if !withPNG {
		return
	}
	a.Reset()
	b.Reset()
	if err := png.Encode(&a, sc, 1); err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(&b, back, 1); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("%s: the PNG of the decoded scene differs", name)
	}
}

// TestNoPlacer: without Graphviz imported and no Placer named, Layout says
// what to import.
func TestNoPlacer(t *testing.T) {
	m, err := model.Parse("m.yaml", []byte("nodes: [{id: a}]\n"), model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = layouts.Layout(context.Background(), m, layouts.Options{})
	if err == nil || !strings.Contains(err.Error(), "import github.com/kviz/kviz/layouts/graphviz/wasm") {
		t.Errorf("got %v", err)
	}
}
