package main

import (
	"context"
	_ "embed"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/spf13/cobra"
)

//go:embed watch.html
var watchPage []byte

func watchCmd(e *env) *cobra.Command {
	var o renderOpts
	var addr string
	c := &cobra.Command{
		Use:   "watch MODEL|DIR [-o OUT]",
		Short: "Redraw on every save, with a live preview in the browser",
		Long: `Watch a model (or every model under a folder) and redraw it on every save.
A preview page on http://127.0.0.1:8765/ (--addr) shows the drawings and
reloads itself when they change; a broken model shows its positioned errors
there and keeps its last good drawing. With -o, the drawings are also
written as by kviz render.`,
		Args: cobra.ExactArgs(1),
	}
	c.RunE = func(cmd *cobra.Command, args []string) error { return e.watch(cmd.Context(), args[0], addr, o) }
	f := c.Flags()
	f.StringVarP(&o.output, "output", "o", "", "also write the drawings here, as kviz render does")
	f.StringVarP(&o.format, "format", "f", "", "formats to write with -o")
	f.StringVar(&addr, "addr", "127.0.0.1:8765", "where the preview is served (port 0 picks a free one)")
	f.StringVar(&o.layout.Theme, "theme", "", "override the model's theme")
	o.scale, o.layout.FontScale = 1, 1
	addLoadFlags(f, &o.load)
	addBudgetFlags(f, &o.timeout)
	addWalkFlags(f, &o.docs.walk)
	addFontFlags(f, &o.fonts)
	return c
}

// drawing is one model's state on the preview page.
type drawing struct {
	Name   string      `json:"name"`
	SVG    string      `json:"svg"`             // the last good drawing
	Steps  []stepFrame `json:"steps,omitempty"` // its build, step by step, when it has one
	Errors string      `json:"errors"`          // why the current model does not draw; "" when it does
}

// preview is what the page shows, and who to tell when it changes.
type preview struct {
	mu       sync.Mutex
	version  int
	drawings []*drawing
	subs     map[chan int]bool
	cached   []byte // the state as JSON, made once a version for every page
}

func (p *preview) update(f func()) {
	p.mu.Lock()
	defer p.mu.Unlock()
	f()
	p.version++
	p.cached = nil
	for ch := range p.subs {
		select {
		case ch <- p.version:
		default: // a slow page catches up on the next change
		}
	}
}

// watch draws target, serves the drawings as a live preview on addr and
// redraws them on every save, until ctx ends.
func (e *env) watch(ctx context.Context, target, addr string, o renderOpts) error {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(100) // a long session: the default, not main's short-lived setting
	}
	if err := checkOptions(o); err != nil {
		return err
	}
	if err := o.fonts.apply(&o.layout); err != nil {
		return err
	}
	if _, err := os.Stat(target); err != nil {
		return err
	}
	p := &preview{subs: map[chan int]bool{}}
	e.layouter.worker = newWorker() // a layout past --timeout is killed, and watch goes on

	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	if err := watchDirs(w, target); err != nil {
		return err
	}
	watchParent(w, target)
	e.named = &readFiles{}
	redraw := func() {
		e.named.reset()
		e.redraw(ctx, target, o, p)
		for _, dir := range e.named.folders() {
			w.Add(dir) // the icons' and fonts' folders; one that does not exist is no error here
		}
	}
	redraw()

	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return usagef("cannot serve the preview on %s: %v", addr, err)
	}
	srv := previewServer(p.handler(), ln)
	go srv.Serve(ln)
	defer srv.Close()
	exposed(e.stderr, ln.Addr())
	fmt.Fprintf(e.stderr, "kviz: watching %s; preview at http://%s/\n", target, ln.Addr())

	e.redrawOnSave(ctx, w, target, redraw)
	return nil
}

// redrawOnSave calls redraw whenever a save under target has settled,
// watching the folders created meanwhile too, until ctx ends or w closes.
func (e *env) redrawOnSave(ctx context.Context, w *fsnotify.Watcher, target string, redraw func()) {
	// Saves come as bursts of events (write, chmod, rename): redraw once
	// they settle.
	const settle = 80 * time.Millisecond
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.Events:
			if !ok {
				return
			}
			if ev.Has(fsnotify.Create) && isDir(ev.Name) {
				watchDirs(w, ev.Name)
			}
			if recreated(w, target, ev) || relevant(target, ev.Name) || e.named.has(ev.Name) {
				timer.Reset(settle)
			}
		case err, ok := <-w.Errors:
			if ok {
				fmt.Fprintf(e.stderr, "kviz: watching: %v\n", err)
			}
		case <-timer.C:
			redraw()
		}
	}
}

// watchDirs watches the folder of a file, or a folder and those under it:
// editors save by replacing the file, which a watch on the file would miss.
func watchDirs(w *fsnotify.Watcher, target string) error {
	if !isDir(target) {
		return w.Add(filepath.Dir(target))
	}
	return filepath.WalkDir(target, func(path string, d os.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			err = w.Add(path)
		}
		return err
	})
}

// relevant reports whether a changed path can change the drawings.
func relevant(target, path string) bool {
	if !isDir(target) {
		return filepath.Clean(path) == filepath.Clean(target)
	}
	ext := strings.ToLower(filepath.Ext(path))
	return (ext == ".yaml" || ext == ".yml" || isPage(path) || filepath.Base(path) == ignoreFile) &&
		within(filepath.Clean(target), filepath.Clean(path))
}

// redraw draws every model of the target, writes outputs if asked, and
// updates the page; a model that fails keeps its last good drawing.
func (e *env) redraw(ctx context.Context, target string, o renderOpts, p *preview) {
	previous := map[string]*drawing{}
	p.mu.Lock()
	for _, d := range p.drawings {
		previous[d.Name] = d
	}
	p.mu.Unlock()

	// Without -o, the planned outputs are drawn for the page, never written.
	var jobs []job
	if planned, err := plan([]string{target}, o); err != nil {
		printErr(e.stderr, err)
	} else {
		jobs = planned.jobs
		for _, note := range planned.notes {
			fmt.Fprintln(e.stderr, note)
		}
	}
	var next []*drawing
	for _, j := range jobs {
		d := &drawing{Name: j.name()}
		if last := previous[j.name()]; last != nil {
			d.SVG, d.Steps = last.SVG, last.Steps
		}
		drawings, sc, err := e.draw(ctx, &j, o)
		if err == nil && sc != nil {
			err = d.redraw(sc, j.steps)
		}
		if err == nil && o.output != "" {
			err = e.write(j, drawings)
		}
		if err != nil {
			var msg strings.Builder
			printErr(&msg, err)
			d.Errors = msg.String()
			fmt.Fprint(e.stderr, d.Errors)
		}
		next = append(next, d)
	}
	p.update(func() { p.drawings = next })
}

func (p *preview) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(watchPage)
	})
	mux.HandleFunc("GET /state", func(w http.ResponseWriter, r *http.Request) {
		data, err := p.state()
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		w.Write(data)
	})
	mux.HandleFunc("GET /events", p.events)
	return mux
}

// events streams server-sent events: the version now, then each new one.
func (p *preview) events(w http.ResponseWriter, r *http.Request) {
	ch := make(chan int, 1)
	p.mu.Lock()
	p.subs[ch] = true
	version := p.version
	p.mu.Unlock()
	defer func() {
		p.mu.Lock()
		delete(p.subs, ch)
		p.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	rc := http.NewResponseController(w)
	send := func(v int) error {
		// Each event has writeTimeout to reach a page: one that stops
		// reading is cut off, and its EventSource reconnects.
		rc.SetWriteDeadline(time.Now().Add(writeTimeout))
		if _, err := fmt.Fprintf(w, "data: %d\n\n", v); err != nil {
			return err
		}
		return rc.Flush()
	}
	if send(version) != nil {
		return
	}
	for {
		select {
		case <-r.Context().Done():
			return
		case v := <-ch:
			if send(v) != nil {
				return
			}
		}
	}
}
