package svg

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/kviz/kviz/internal/browser"
	"github.com/kviz/kviz/layouts"
)

// TestOpensInChromium loads the figures' SVGs in headless Chromium: each
// parses, every node is there, every <use> of a symbol draws something.
func TestOpensInChromium(t *testing.T) {
	ctx := browser.Start(t)
	dir := t.TempDir()
	for _, name := range []string{"figures/cluster", "figures/choreography", "models/every-kind"} {
		data := draw(t, filepath.Join("..", "..", "testdata", name+".yaml"), layouts.Options{})
		path := filepath.Join(dir, filepath.Base(name)+".svg")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		browser.Open(t, ctx, "file://"+path)
		eval := func(js string) string { return browser.Eval(t, ctx, js) }
		if root := eval(`document.documentElement.tagName + (document.querySelector('parsererror') ? ' with an error' : '')`); root != "svg" {
			t.Errorf("%s: Chromium opened %q", name, root)
		}
		nodes := eval(`String(document.querySelectorAll('g.node').length)`)
		if n, _ := strconv.Atoi(nodes); n == 0 {
			t.Errorf("%s: no nodes drawn", name)
		}
		if empty := eval(`String([...document.querySelectorAll('use')].filter(u => u.getBBox().width == 0).length)`); empty != "0" {
			t.Errorf("%s: %s icons draw nothing", name, empty)
		}
		if empty := eval(`String([...document.querySelectorAll('text')].filter(t => t.textContent && t.getBBox().width == 0).length)`); empty != "0" {
			t.Errorf("%s: %s texts draw nothing", name, empty)
		}
		t.Logf("%s: %s nodes, icons and texts all drawn", name, nodes)
	}
}
