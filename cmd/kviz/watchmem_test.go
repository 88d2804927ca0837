package main

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestWatchMemoryFlat runs a real kviz watch session in this process over
// many saves of a model and of the icon file it names, each version
// different and each waited for until the preview serves it, and checks
// that the heap does not grow once the session has settled: nothing of
// an old drawing, model or icon is kept. (The layouts run in the watch's
// worker process, which TestWorkerLongSession in layouts/graphviz/wasm covers;
// this is the watching process's heap.)
func TestWatchMemoryFlat(t *testing.T) {
	if testing.Short() || slowdown > 1 {
		t.Skip("150 saves take about 15 s; the race detector's heap says nothing of kviz's")
	}
	dir := t.TempDir()
	model, logo := filepath.Join(dir, "m.yaml"), filepath.Join(dir, "logo.svg")
	// Each version's icon differs, as an edited one does, and is big
	// enough (400 paths) that keeping any of them shows.
	icon := func(i int) string {
		return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">` +
			strings.Repeat(`<path d="M1 1L9 9L1 9Z" fill="#123456"/>`, 400) +
			fmt.Sprintf(`<circle cx="5" cy="5" r="%d" fill="#%06x"/></svg>`, 1+i%4, i)
	}
	// The icon is saved first, then the model: each version is waited
	// for by its title and its icon.
	saveVersion := func(i int) {
		save(t, logo, icon(i))
		save(t, model, fmt.Sprintf("title: v%d\nlegend: true\nnodes:\n"+
			"  - {id: a, kind: service, icon: logo.svg, label: Version %d}\n"+
			"  - {id: b, kind: pod, replicas: %d}\n"+
			"edges: [{from: a, to: b, label: uses}]\n", i, i, 1+i%5))
	}
	saveVersion(0)
	url := startWatch(t, model)
	served := func(i int) {
		t.Helper()
		title := fmt.Sprintf(`<title id="kviz-title">v%d</title>`, i)
		mark := fmt.Sprintf(`fill="#%06x"`, i) // the icon's own version
		deadline := time.Now().Add(5 * time.Second)
		for {
			s := getState(t, url)
			if len(s.Drawings) == 1 && s.Drawings[0].Errors != "" {
				t.Fatalf("version %d: %s", i, s.Drawings[0].Errors)
			}
			if len(s.Drawings) == 1 && strings.Contains(s.Drawings[0].SVG, title) {
				if !strings.Contains(s.Drawings[0].SVG, mark) {
					t.Fatalf("version %d is drawn with another version of the icon", i)
				}
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("version %d not served after 5 s", i)
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	heap := func() uint64 {
		runtime.GC()
		runtime.GC() // the second collects what the first's finalizers freed
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	// The first saves warm the session up (the worker started, the HTTP
	// connections and kviz's bounded caches filled); measured from then on.
	const warm, saves = 30, 150
	start := time.Now()
	var before uint64
	for i := 1; i <= saves; i++ {
		saveVersion(i)
		served(i)
		if i == warm {
			before = heap()
		}
	}
	grown := int64(heap()) - int64(before)
	t.Logf("%d saves in %v; the heap, %d KiB after %d, grew %+d KiB", saves, time.Since(start).Round(time.Millisecond), before>>10, warm, grown>>10)
	// Measured: +9 to +22 KiB over the last 120 saves. Keeping each
	// drawing (planted to see this fail) added 3.8 MiB; keeping each
	// parsed icon file, as kviz's old icon registry did, 13 MiB.
	if grown > 256<<10 {
		t.Errorf("the heap grew by %d KiB over %d saves", grown>>10, saves-warm)
	}
}
