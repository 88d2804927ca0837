package wasm

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/kviz/kviz/layouts/graphviz"
)

// The test binary is its own worker when this variable is set.
const workerEnv = "KVIZ_TEST_GRAPHVIZ_WORKER"

func TestMain(m *testing.M) {
	if os.Getenv(workerEnv) != "" {
		if err := Serve(os.Stdin, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func testWorker(t *testing.T) *graphviz.Worker {
	w := graphviz.NewWorker(func() *exec.Cmd {
		cmd := exec.Command(os.Args[0])
		cmd.Env = append(os.Environ(), workerEnv+"=1")
		return cmd
	})
	t.Cleanup(w.Close)
	return w
}

// small is a two-box graph.
func small() *graphviz.Graph {
	a := &graphviz.Node{ID: "a", Width: 50, Height: 30}
	b := &graphviz.Node{ID: "b", Width: 50, Height: 30}
	return &graphviz.Graph{Engine: "dot", Direction: "TB", Nodes: []*graphviz.Node{a, b}, Edges: []*graphviz.Edge{{From: a, To: b, Head: "normal", Tail: "none"}}}
}

// allToAll is a graph whose dot layout takes minutes: n boxes, each
// joined to every box.
func allToAll(n int) *graphviz.Graph {
	g := &graphviz.Graph{Engine: "dot", Direction: "TB"}
	for i := 0; i < n; i++ {
		g.Nodes = append(g.Nodes, &graphviz.Node{ID: fmt.Sprintf("n%d", i), Width: 50, Height: 30})
	}
	for _, a := range g.Nodes {
		for _, b := range g.Nodes {
			g.Edges = append(g.Edges, &graphviz.Edge{From: a, To: b, Head: "normal", Tail: "none"})
		}
	}
	return g
}

func TestWorkerLaysOutAsThisProcess(t *testing.T) {
	w := testWorker(t)
	g, h := small(), small()
	if err := w.Place(context.Background(), g); err != nil {
		t.Fatal(err)
	}
	if err := InProcess.Place(context.Background(), h); err != nil {
		t.Fatal(err)
	}
	for i := range g.Nodes {
		if g.Nodes[i].X != h.Nodes[i].X || g.Nodes[i].Y != h.Nodes[i].Y {
			t.Errorf("%s at %v,%v in the worker, %v,%v here", g.Nodes[i].ID, g.Nodes[i].X, g.Nodes[i].Y, h.Nodes[i].X, h.Nodes[i].Y)
		}
	}
}

// A layout past its deadline is stopped by killing the worker, and the
// next one gets a fresh process.
func TestWorkerTimeout(t *testing.T) {
	w := testWorker(t)
	ctx, cancel := context.WithTimeoutCause(context.Background(), time.Second, errors.New("too slow"))
	defer cancel()
	start := time.Now()
	err := w.Place(ctx, allToAll(60))
	if err == nil || !strings.Contains(err.Error(), "too slow") {
		t.Fatalf("Place = %v, want the context's cause", err)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("stopped after %v, want about 1s", took)
	}
	if err := w.Place(context.Background(), small()); err != nil {
		t.Fatalf("layout after a timeout: %v", err)
	}
	if w.Starts != 2 {
		t.Errorf("%d processes started, want 2", w.Starts)
	}
}

// A worker is replaced every MaxUses layouts, giving back the memory
// go-graphviz leaks.
func TestWorkerReplaced(t *testing.T) {
	w := testWorker(t)
	w.MaxUses = 2
	for i := 0; i < 5; i++ {
		if err := w.Place(context.Background(), small()); err != nil {
			t.Fatal(err)
		}
	}
	if w.Starts != 3 {
		t.Errorf("%d processes for 5 layouts of at most 2 each, want 3", w.Starts)
	}
}

// Graphviz's own errors come back as errors, and the worker stays.
func TestWorkerGraphvizError(t *testing.T) {
	w := testWorker(t)
	if _, err := w.Run(context.Background(), []byte("digraph { a -> "), "dot"); err == nil {
		t.Fatal("bad DOT laid out")
	}
	if _, err := w.Run(context.Background(), graphviz.DOT(small()), "dot"); err != nil {
		t.Fatal(err)
	}
	if w.Starts != 1 {
		t.Errorf("%d processes, want 1", w.Starts)
	}
}

// The cost of a worker, for the README: a small layout here and in a
// worker, and a worker's start.
func BenchmarkSmallInProcess(b *testing.B) {
	for b.Loop() {
		if err := InProcess.Place(context.Background(), small()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSmallInWorker(b *testing.B) {
	w := graphviz.NewWorker(func() *exec.Cmd {
		cmd := exec.Command(os.Args[0])
		cmd.Env = append(os.Environ(), workerEnv+"=1")
		return cmd
	})
	defer w.Close()
	ctx := context.Background()
	for b.Loop() {
		if err := w.Place(ctx, small()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWorkerStart(b *testing.B) {
	w := graphviz.NewWorker(func() *exec.Cmd {
		cmd := exec.Command(os.Args[0])
		cmd.Env = append(os.Environ(), workerEnv+"=1")
		return cmd
	})
	defer w.Close()
	w.MaxUses = 1
	ctx := context.Background()
	for b.Loop() {
		if err := w.Place(ctx, small()); err != nil {
			b.Fatal(err)
		}
	}
}

// rss is this process's resident memory in KB, from /proc (Linux).
func rss(t *testing.T) int {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skip("no /proc/self/status:", err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			var kb int
			fmt.Sscan(rest, &kb)
			return kb
		}
	}
	t.Skip("no VmRSS")
	return 0
}

// A long watch session lays out in a worker: this process's memory stays
// flat however many layouts, and the worker, where go-graphviz leaks, is
// replaced every MaxUses.
func TestWorkerLongSession(t *testing.T) {
	w := testWorker(t)
	w.MaxUses = 100
	ctx := context.Background()
	layout := func(n int) {
		for i := 0; i < n; i++ {
			if err := w.Place(ctx, allToAll(4)); err != nil {
				t.Fatal(err)
			}
		}
	}
	layout(50)
	before := rss(t)
	layout(400)
	after := rss(t)
	if after-before > 8<<10 {
		t.Errorf("resident memory grew %d KB over 400 layouts", after-before)
	}
	if w.Starts != 5 {
		t.Errorf("%d worker processes for 450 layouts of at most 100 each, want 5", w.Starts)
	}
	t.Logf("RSS %d KB → %d KB; %d workers", before, after, w.Starts)
}

// RunHere returns at the deadline, though Graphviz goes on: this
// process can lay out no more, so this test comes last.
func TestRunHereTimeout(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	start := time.Now()
	if _, err := RunHere(ctx, graphviz.DOT(allToAll(60)), "dot"); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("RunHere = %v", err)
	}
	if took := time.Since(start); took > time.Second {
		t.Errorf("returned after %v", took)
	}
}
