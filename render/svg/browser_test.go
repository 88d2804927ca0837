package svg

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
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
		sc := sceneOf(t, filepath.Join("..", "..", "testdata", name+".yaml"), layouts.Options{})
		data := encode(t, sc)
		path := filepath.Join(dir, filepath.Base(name)+".svg")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		browser.Open(t, ctx, "file://"+path)
		eval := func(js string) string { return browser.Eval(t, ctx, js) }
		if root := eval(`document.documentElement.tagName + (document.querySelector('parsererror') ? ' with an error' : '')`); root != "svg" {
			t.Errorf("%s: Chromium opened %q", name, root)
		}
		var want []string
		for _, n := range sc.Nodes {
			want = append(want, n.ID)
		}
		// Groups are drawn before their members, so compare in id order.
		got := eval(`[...document.querySelectorAll('g.node, g.group')].filter(g => g.getBBox().width > 0).map(g => g.id).sort().join('\n')`)
		slices.Sort(want) // ids are ASCII: the same order as JavaScript's sort
		if got != strings.Join(want, "\n") {
			t.Errorf("%s: Chromium draws nodes\n%s\nwant\n%s", name, got, strings.Join(want, "\n"))
		}
		edges := eval(`String([...document.querySelectorAll('g.edge')].filter(g => g.getBBox().width + g.getBBox().height > 0).length)`)
		if edges != strconv.Itoa(len(sc.Edges)) {
			t.Errorf("%s: Chromium draws %s edges, want %d", name, edges, len(sc.Edges))
		}
		if empty := eval(`String([...document.querySelectorAll('use')].filter(u => u.getBBox().width == 0).length)`); empty != "0" {
			t.Errorf("%s: %s icons draw nothing", name, empty)
		}
		if empty := eval(`String([...document.querySelectorAll('text')].filter(t => t.textContent && t.getBBox().width == 0).length)`); empty != "0" {
			t.Errorf("%s: %s texts draw nothing", name, empty)
		}
		t.Logf("%s: %d nodes, %s edges, icons and texts all drawn", name, len(want), edges)
	}
}
