package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/kviz/kviz/internal/browser"
)

// startWatch runs `kviz watch` on a model in the background and returns
// the preview's URL; the watch stops when the test ends.
func startWatch(t *testing.T, model string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan int)
	go func() {
		done <- run(ctx, []string{"watch", model, "--addr", "127.0.0.1:0"}, strings.NewReader(""), io.Discard, pw)
		pw.Close()
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	urlRe := regexp.MustCompile(`preview at (http://\S+/)`)
	sc := bufio.NewScanner(pr)
	for sc.Scan() {
		if m := urlRe.FindStringSubmatch(sc.Text()); m != nil {
			go io.Copy(io.Discard, pr) // keep the watch's stderr flowing
			return m[1]
		}
	}
	t.Fatal("kviz watch never served a preview")
	return ""
}

type state struct {
	Version  int
	Drawings []drawing
}

func getState(t *testing.T, url string) state {
	t.Helper()
	resp, err := http.Get(url + "state")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var s state
	if err := json.NewDecoder(resp.Body).Decode(&s); err != nil {
		t.Fatal(err)
	}
	return s
}

// await polls until ok holds, and says how long it took; five seconds is
// a failure (the aim is well under one).
func await(t *testing.T, what string, ok func() bool) {
	t.Helper()
	start := time.Now()
	for !ok() {
		if time.Since(start) > 5*time.Second {
			t.Fatalf("%s: not after 5 s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Logf("%s after %v", what, time.Since(start).Round(time.Millisecond))
}

// save replaces a file the way editors do: write a new one, rename it over.
func save(t *testing.T, path, content string) {
	t.Helper()
	tmp := path + ".swp"
	if err := os.WriteFile(tmp, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

func TestWatch(t *testing.T) {
	dir := t.TempDir()
	model := filepath.Join(dir, "m.yaml")
	save(t, model, "title: One\nnodes: [{id: a, kind: pod}]\n")
	url := startWatch(t, model)

	s := getState(t, url)
	if len(s.Drawings) != 1 || !strings.Contains(s.Drawings[0].SVG, `<title id="kviz-title">One</title>`) {
		t.Fatalf("first state: %+v", s)
	}
	save(t, model, "title: Two\nnodes: [{id: a, kind: pod}, {id: b, kind: svc}]\n")
	await(t, "redrawn", func() bool {
		return strings.Contains(getState(t, url).Drawings[0].SVG, `<title id="kviz-title">Two</title>`)
	})

	save(t, model, "title: Three\nnodez: []\n")
	await(t, "errors shown", func() bool { return getState(t, url).Drawings[0].Errors != "" })
	d := getState(t, url).Drawings[0]
	if !strings.Contains(d.Errors, `m.yaml:2:1: unknown key "nodez"`) {
		t.Errorf("errors: %q", d.Errors)
	}
	if !strings.Contains(d.SVG, `<title id="kviz-title">Two</title>`) {
		t.Error("the last good drawing was not kept")
	}

	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(page), "new EventSource('/events')") {
		t.Error("the page does not listen for changes")
	}
}

// TestWatchInChromium opens the preview in headless Chromium: the page
// shows the drawing, a saved change redraws it, a broken model shows its
// positioned error and keeps the last drawing.
func TestWatchInChromium(t *testing.T) {
	ctx := browser.Start(t)
	dir := t.TempDir()
	model := filepath.Join(dir, "m.yaml")
	save(t, model, "title: One\nnodes: [{id: a, kind: pod}]\n")
	url := startWatch(t, model)

	eval := func(js string) string { return browser.Eval(t, ctx, js) }
	title := func() string {
		return eval(`((document.querySelector('.drawing')||{}).shadowRoot||document).querySelector('svg title')?.textContent||''`)
	}
	browser.Open(t, ctx, url)
	await(t, "the page shows the drawing", func() bool { return title() != "" })
	if got := title(); got != "One" {
		t.Fatalf("the page shows %q", got)
	}
	if boxes := eval(`String(document.querySelector('.drawing').shadowRoot.querySelectorAll('svg g.node').length)`); boxes != "1" {
		t.Errorf("%s nodes on the page, want 1", boxes)
	}

	save(t, model, "title: Two\nnodes: [{id: a, kind: pod}]\n")
	await(t, "the page redrew", func() bool { return title() == "Two" })

	save(t, model, "title: Three\nnodez: []\n")
	var errs string
	await(t, "the page shows the error", func() bool {
		errs = eval(`document.querySelector('.errors').textContent`)
		return errs != ""
	})
	if !strings.Contains(errs, `m.yaml:2:1: unknown key "nodez"`) {
		t.Errorf("the page shows the error %q", errs)
	}
	if got := title(); got != "Two" {
		t.Errorf("the last good drawing was replaced by %q", got)
	}
}

// TestWatchFolderInChromium watches a folder of two models whose icons
// share symbol ids but not colours: each drawing keeps its own.
func TestWatchFolderInChromium(t *testing.T) {
	ctx := browser.Start(t)
	dir := t.TempDir()
	save(t, filepath.Join(dir, "a.yaml"), "nodes: [{id: a, kind: pod}]\n")
	save(t, filepath.Join(dir, "b.yaml"), "theme: mono\nnodes: [{id: b, kind: pod}]\n")
	url := startWatch(t, dir)
	browser.Open(t, ctx, url)
	eval := func(js string) string { return browser.Eval(t, ctx, js) }
	await(t, "both drawings shown", func() bool { return eval(`String(document.querySelectorAll('.drawing').length)`) == "2" })
	// The colour each drawing's <use> of kviz-pod resolves to, inside its
	// own shadow root.
	got := eval(`[...document.querySelectorAll('.drawing')].map(d =>
		d.shadowRoot.getElementById('kviz-pod').querySelector('path').getAttribute('fill')).join(',')`)
	if got != "#326ce5,#000000" {
		t.Errorf("the drawings' pod icons are %s, want #326ce5,#000000", got)
	}
}

// TestWatchDocsFolder watches a docs folder: other YAML is passed over, each
// fence of a page is a drawing of its own, and saving the page redraws it.
func TestWatchDocsFolder(t *testing.T) {
	dir := t.TempDir()
	save(t, filepath.Join(dir, "a.yaml"), "nodes: [{id: a, kind: pod}]\n")
	save(t, filepath.Join(dir, "_category_.yml"), "label: Guides\n")
	page := filepath.Join(dir, "page.md")
	save(t, page, "# P\n\n```kviz\ntitle: One\nnodes: [{id: b, kind: svc}]\n```\n\n```kviz id=x\nnodes: [{id: c, kind: pod}]\n```\n")
	url := startWatch(t, dir)
	var names []string
	for _, d := range getState(t, url).Drawings {
		names = append(names, filepath.Base(d.Name))
		if d.Errors != "" {
			t.Errorf("%s: %s", d.Name, d.Errors)
		}
	}
	if got := strings.Join(names, ","); got != "a.yaml,page.md:3,page.md:8" {
		t.Fatalf("drawings %s, want a.yaml,page.md:3,page.md:8", got)
	}
	save(t, page, "# P\n\n```kviz\ntitle: Two\nnodes: [{id: b, kind: svc}]\n```\n\n```kviz id=x\nnodes: [{id: c, kind: pod}]\n```\n")
	await(t, "the page's fence redrawn", func() bool {
		return strings.Contains(getState(t, url).Drawings[1].SVG, `<title id="kviz-title">Two</title>`)
	})
}

// TestWatchNamedFiles: saving an icon file the model names redraws the
// drawing without a save of the model, in a subfolder too; an icon file
// created after the drawing failed for want of it mends the drawing.
func TestWatchNamedFiles(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "icons"), 0o755); err != nil {
		t.Fatal(err)
	}
	model, logo := filepath.Join(dir, "m.yaml"), filepath.Join(dir, "icons", "logo.svg")
	icon := func(colour string) string {
		return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="` + colour + `"/></svg>`
	}
	save(t, model, "nodes: [{id: a, kind: service, icon: icons/logo.svg}, {id: b, kind: pod, icon: late.svg}]\n")
	url := startWatch(t, model)
	if errs := getState(t, url).Drawings[0].Errors; !strings.Contains(errs, "logo.svg") {
		t.Fatalf("a missing icon is not reported: %q", errs)
	}
	save(t, logo, icon("#123456"))
	save(t, filepath.Join(dir, "late.svg"), icon("#abcdef"))
	await(t, "drawn once the icons exist", func() bool {
		d := getState(t, url).Drawings[0]
		return d.Errors == "" && strings.Contains(d.SVG, "#123456") && strings.Contains(d.SVG, "#abcdef")
	})
	save(t, logo, icon("#654321"))
	await(t, "redrawn on a save of the icon alone", func() bool {
		return strings.Contains(getState(t, url).Drawings[0].SVG, "#654321")
	})
}
