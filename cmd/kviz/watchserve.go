package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// The preview server's limits. A page that stops reading is cut off at
// the write deadline; an idle connection is closed; at most so many
// requests and event streams are served at once, the rest refused with 503.
var (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 10 * time.Second
	writeTimeout      = 10 * time.Second // of one response, or one event
	idleTimeout       = 60 * time.Second
	maxRequests       = 32
	maxStreams        = 16
)

// previewServer serves the preview page's handler on ln, guarded: only
// requests for the address served (DNS rebinding would let any web page
// read the drawings otherwise), with headers that keep the page's script
// its own, and bounded in time and number.
func previewServer(h http.Handler, ln net.Listener) *http.Server {
	hosts := allowedHosts(ln.Addr())
	h = limit(h)
	h = secure(h)
	guard := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !hosts[strings.ToLower(r.Host)] {
			http.Error(w, "kviz watch answers only requests for its own address", http.StatusForbidden)
			return
		}
		h.ServeHTTP(w, r)
	})
	return &http.Server{
		Handler:           guard,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    16 << 10,
	}
}

// allowedHosts are the Host headers the preview answers: the address
// served and, on a loopback address, localhost, 127.0.0.1 and [::1]; on a
// wildcard address, every address of this machine and its name.
func allowedHosts(addr net.Addr) map[string]bool {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok {
		return map[string]bool{strings.ToLower(addr.String()): true}
	}
	port := fmt.Sprint(tcp.Port)
	hosts := map[string]bool{}
	add := func(h string) { hosts[strings.ToLower(net.JoinHostPort(h, port))] = true }
	add(tcp.IP.String())
	if tcp.IP.IsLoopback() || tcp.IP.IsUnspecified() {
		add("localhost")
		add("127.0.0.1")
		add("::1")
	}
	if tcp.IP.IsUnspecified() {
		if name, err := os.Hostname(); err == nil {
			add(name)
		}
		if addrs, err := net.InterfaceAddrs(); err == nil {
			for _, a := range addrs {
				if n, ok := a.(*net.IPNet); ok {
					add(n.IP.String())
				}
			}
		}
	}
	return hosts
}

// exposed warns, when the preview is served beyond this machine, that
// anyone who reaches the address can read the drawings and errors.
func exposed(w io.Writer, addr net.Addr) {
	tcp, ok := addr.(*net.TCPAddr)
	if ok && tcp.IP.IsLoopback() {
		return
	}
	fmt.Fprintf(w, "kviz: warning: the preview on %s is not only on this machine: anyone who can reach it can read the drawings and their errors\n", addr)
}

// csp allows the page's one script by its hash, styles inline (the
// drawings carry their own), and fetches from the page's own origin only.
var csp = func() string {
	script := watchPage
	if i := bytes.Index(script, []byte("<script>")); i >= 0 {
		script = script[i+len("<script>"):]
		script = script[:bytes.Index(script, []byte("</script>"))]
	}
	sum := sha256.Sum256(script)
	return "default-src 'none'; script-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'; " +
		"style-src 'unsafe-inline'; img-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
}()

func secure(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", csp)
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Referrer-Policy", "no-referrer")
		w.Header().Set("X-Frame-Options", "DENY")
		h.ServeHTTP(w, r)
	})
}

// limit serves at most maxStreams event streams and maxRequests other
// requests at once.
func limit(h http.Handler) http.Handler {
	streams, requests := make(chan struct{}, maxStreams), make(chan struct{}, maxRequests)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		slots := requests
		if r.URL.Path == "/events" {
			slots = streams
		}
		select {
		case slots <- struct{}{}:
			defer func() { <-slots }()
			h.ServeHTTP(w, r)
		default:
			http.Error(w, "too many requests at once", http.StatusServiceUnavailable)
		}
	})
}

// state is the preview's state as JSON, marshalled once a version and
// shared by every request: two hundred pages asking do not make two
// hundred copies of the drawings.
func (p *preview) state() ([]byte, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cached == nil {
		data, err := json.Marshal(map[string]any{"version": p.version, "drawings": p.drawings})
		if err != nil {
			return nil, err
		}
		p.cached = data
	}
	return p.cached, nil
}

// watchParent watches the folder holding a watched folder, so that the
// folder deleted and made again is seen.
func watchParent(w *fsnotify.Watcher, target string) {
	if isDir(target) {
		w.Add(filepath.Dir(filepath.Clean(target)))
	}
}

// recreated reports whether an event is the watched folder made again,
// and if so watches it and what is under it once more.
func recreated(w *fsnotify.Watcher, target string, ev fsnotify.Event) bool {
	if !ev.Has(fsnotify.Create) || filepath.Clean(ev.Name) != filepath.Clean(target) || !isDir(target) {
		return false
	}
	watchDirs(w, target)
	return true
}
