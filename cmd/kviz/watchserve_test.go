package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// startWatchLines runs kviz watch with --addr and returns the preview's
// URL and the lines it printed up to the URL's.
func startWatchLines(t *testing.T, target, addr string) (string, []string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan int)
	go func() {
		done <- run(ctx, []string{"watch", target, "--addr", addr}, strings.NewReader(""), io.Discard, pw)
		pw.Close()
	}()
	t.Cleanup(func() { cancel(); <-done })
	sc := bufio.NewScanner(pr)
	var lines []string
	for sc.Scan() {
		lines = append(lines, sc.Text())
		if _, url, ok := strings.Cut(sc.Text(), "preview at "); ok {
			go io.Copy(io.Discard, pr)
			return url, lines
		}
	}
	t.Fatal("kviz watch never served a preview")
	return "", nil
}

func get(t *testing.T, url, host string) *http.Response {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	if host != "" {
		req.Host = host
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp
}

// TestWatchHosts: a request for another host (DNS rebinding) gets 403;
// loopback names pass; every answer carries the security headers.
func TestWatchHosts(t *testing.T) {
	dir := t.TempDir()
	model := filepath.Join(dir, "m.yaml")
	save(t, model, "nodes: [{id: a}]\n")
	url := startWatch(t, model)
	port := url[strings.LastIndex(url, ":")+1 : len(url)-1]
	for host, want := range map[string]int{
		"evil.example":           http.StatusForbidden,
		"evil.example:" + port:   http.StatusForbidden,
		"127.0.0.1:" + port:      http.StatusOK,
		"localhost:" + port:      http.StatusOK,
		"LOCALHOST:" + port:      http.StatusOK,
		"[::1]:" + port:          http.StatusOK,
		"127.0.0.1:1" + port:     http.StatusForbidden,
		"localhost.evil.example": http.StatusForbidden,
	} {
		for _, path := range []string{"", "state"} {
			resp := get(t, url+path, host)
			if resp.StatusCode != want {
				t.Errorf("Host %s, /%s: %d, want %d", host, path, resp.StatusCode, want)
			}
		}
	}
	resp := get(t, url, "")
	for k, want := range map[string]string{
		"Content-Security-Policy": "default-src 'none'; script-src 'sha256-",
		"X-Content-Type-Options":  "nosniff",
		"Referrer-Policy":         "no-referrer",
	} {
		if got := resp.Header.Get(k); !strings.HasPrefix(got, want) {
			t.Errorf("%s: %q, want %q...", k, got, want)
		}
	}
	if csp := resp.Header.Get("Content-Security-Policy"); strings.Contains(csp, "unsafe-inline'; connect") && strings.Contains(csp, "script-src 'unsafe-inline'") {
		t.Errorf("inline scripts allowed: %s", csp)
	}
}

// TestWatchSlowClients: an idle connection is closed, and event streams
// beyond the limit are refused rather than held.
func TestWatchSlowClients(t *testing.T) {
	defer func(h, i time.Duration, s int) { readHeaderTimeout, idleTimeout, maxStreams = h, i, s }(readHeaderTimeout, idleTimeout, maxStreams)
	readHeaderTimeout, idleTimeout, maxStreams = 300*time.Millisecond, 300*time.Millisecond, 2
	dir := t.TempDir()
	model := filepath.Join(dir, "m.yaml")
	save(t, model, "nodes: [{id: a}]\n")
	url := startWatch(t, model)

	conn, err := net.Dial("tcp", strings.TrimSuffix(strings.TrimPrefix(url, "http://"), "/"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetReadDeadline(time.Now().Add(3 * time.Second))
	start := time.Now()
	if _, err := conn.Read(make([]byte, 1)); err == nil || time.Since(start) > 2*time.Second {
		t.Errorf("a silent connection was kept %v (read: %v)", time.Since(start), err)
	}

	var streams []*http.Response
	defer func() {
		for _, r := range streams {
			r.Body.Close()
		}
	}()
	for i := 0; i < 3; i++ {
		resp, err := http.Get(url + "events")
		if err != nil {
			t.Fatal(err)
		}
		streams = append(streams, resp)
		want := http.StatusOK
		if i == 2 {
			want = http.StatusServiceUnavailable
		}
		if resp.StatusCode != want {
			t.Errorf("stream %d: %d, want %d", i+1, resp.StatusCode, want)
		}
	}
}

// TestWatchRecreatedFolder: a watched folder deleted and made again is
// watched again.
func TestWatchRecreatedFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "models")
	os.Mkdir(dir, 0o755)
	save(t, filepath.Join(dir, "a.yaml"), "title: One\nnodes: [{id: a}]\n")
	url := startWatch(t, dir)
	await(t, "first drawing", func() bool { return len(getState(t, url).Drawings) == 1 })
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	await(t, "folder gone", func() bool {
		d := getState(t, url).Drawings
		return len(d) == 0 || d[0].Errors != ""
	})
	os.Mkdir(dir, 0o755)
	time.Sleep(100 * time.Millisecond) // let the watch see the folder before its file
	save(t, filepath.Join(dir, "b.yaml"), "title: Two\nnodes: [{id: b}]\n")
	await(t, "drawn again", func() bool {
		d := getState(t, url).Drawings
		return len(d) == 1 && strings.Contains(d[0].SVG, `<title id="kviz-title">Two</title>`)
	})
}

// TestWatchExposed: serving beyond loopback prints a warning.
func TestWatchExposed(t *testing.T) {
	model := filepath.Join(t.TempDir(), "m.yaml")
	save(t, model, "nodes: [{id: a}]\n")
	_, lines := startWatchLines(t, model, "127.0.0.1:0")
	if strings.Contains(strings.Join(lines, "\n"), "warning") {
		t.Errorf("loopback warned: %q", lines)
	}
	_, lines = startWatchLines(t, model, "0.0.0.0:0")
	if len(lines) < 2 || !strings.HasPrefix(lines[0], "kviz: warning: the preview on ") ||
		!strings.Contains(lines[0], "is not only on this machine: anyone who can reach it can read the drawings") {
		t.Errorf("no warning for 0.0.0.0: %q", lines)
	}
}

// TestWatchTimeout: a layout past --timeout shows its error and the watch
// goes on: the next save is drawn by a fresh worker.
func TestWatchTimeout(t *testing.T) {
	model := filepath.Join(t.TempDir(), "m.yaml")
	save(t, model, allToAll(60))
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan int)
	go func() {
		done <- run(ctx, []string{"watch", model, "--addr", "127.0.0.1:0", "--timeout", "1s"}, strings.NewReader(""), io.Discard, pw)
		pw.Close()
	}()
	t.Cleanup(func() { cancel(); <-done })
	sc := bufio.NewScanner(pr)
	url := ""
	for url == "" && sc.Scan() {
		_, url, _ = strings.Cut(sc.Text(), "preview at ")
	}
	go io.Copy(io.Discard, pr)
	d := getState(t, url).Drawings
	if len(d) != 1 || !strings.Contains(d[0].Errors, "the layout took longer than 1s and was stopped (raise the limit with --timeout)") {
		t.Fatalf("state after a timeout: %+v", d)
	}
	save(t, model, "title: Small\nnodes: [{id: a}]\n")
	await(t, "drawn after the timeout", func() bool {
		return strings.Contains(getState(t, url).Drawings[0].SVG, `<title id="kviz-title">Small</title>`)
	})
}

// TestWatchSlowReaders: pages that ask for the state and never read it do
// not each hold a copy of the drawings (before, 200 of them held 2.6 GB).
func TestWatchSlowReaders(t *testing.T) {
	defer func(w time.Duration, r int) { writeTimeout, maxRequests = w, r }(writeTimeout, maxRequests)
	writeTimeout, maxRequests = 2*time.Second, 64
	var b strings.Builder
	b.WriteString("nodes:\n")
	// An 8 MB state: more than the sockets between a page and the server
	// can hold, so a page that does not read leaves the rest in the server.
	for i := 0; i < 400; i++ {
		fmt.Fprintf(&b, "  - {id: n%d, tooltip: %q}\n", i, strings.Repeat("a long tooltip ", 1400))
	}
	model := filepath.Join(t.TempDir(), "m.yaml")
	save(t, model, b.String())
	url := startWatch(t, model)
	resp, err := http.Get(url + "state")
	if err != nil {
		t.Fatal(err)
	}
	state, _ := io.ReadAll(resp.Body)
	resp.Body.Close()

	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	before := heap()
	const pages = 40
	addr := strings.TrimSuffix(strings.TrimPrefix(url, "http://"), "/")
	for i := 0; i < pages; i++ {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		// A tiny receive window keeps the response in the server's hands.
		conn.(*net.TCPConn).SetReadBuffer(1024)
		fmt.Fprintf(conn, "GET /state HTTP/1.1\r\nHost: %s\r\n\r\n", addr)
	}
	time.Sleep(500 * time.Millisecond)
	grew := int64(heap()) - int64(before)
	if copies := pages * int64(len(state)); grew > copies/4 {
		t.Errorf("heap grew %d KB for %d pages not reading a %d KB state", grew>>10, pages, len(state)>>10)
	}
	t.Logf("state %d KB; heap grew %d KB for %d pages", len(state)>>10, grew>>10, pages)
}
