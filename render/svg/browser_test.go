package svg

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/kviz/kviz/layouts"
)

// TestOpensInChromium loads the figures' SVGs in headless Chromium: each
// parses, every node is there, every <use> of a symbol draws something.
func TestOpensInChromium(t *testing.T) {
	exe := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			exe = p
			break
		}
	}
	if exe == "" {
		t.Skip("no Chromium here (apt-get install chromium); skipping")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.NoSandbox,
		chromedp.DisableGPU, chromedp.Headless, chromedp.Flag("disable-background-networking", true),
		chromedp.UserDataDir(t.TempDir()))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()
	ctx, cancel := context.WithTimeout(bctx, 60*time.Second)
	defer cancel()

	dir := t.TempDir()
	for _, name := range []string{"figures/cluster", "figures/choreography", "models/every-kind"} {
		data := draw(t, filepath.Join("..", "..", "testdata", name+".yaml"), layouts.Options{})
		path := filepath.Join(dir, filepath.Base(name)+".svg")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Navigate("file://"+path)); err != nil {
			t.Fatal(err)
		}
		eval := func(js string) string {
			s, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
			if err != nil {
				t.Fatal(err)
			}
			return s
		}
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
