package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestTimeout: the 60-node all-to-all model is stopped by --timeout 2s in
// under 4 s, exit 1, naming the limit and its flag; in a folder, the
// models after it are still drawn (in a worker: this process's Graphviz
// is still busy with the abandoned layout).
func TestTimeout(t *testing.T) {
	// Under the race detector kviz starts and lays out several times
	// slower: the timeout and the bound grow, the 60-node layout still
	// takes minutes.
	timeout, bound := 2*time.Second, 4*time.Second
	if slowdown > 1 {
		timeout, bound = 10*time.Second, 30*time.Second
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.yaml"), []byte(allToAll(60)), 0o644)
	os.WriteFile(filepath.Join(dir, "b.yaml"), []byte("nodes: [{id: x}, {id: y}]\nedges: [{from: x, to: y}]\n"), 0o644)
	for _, tt := range []struct {
		name string
		args []string
		want []string // files left besides the models
	}{
		{"one model", []string{"render", "a.yaml", "--timeout", timeout.String()}, nil},
		{"a folder", []string{"render", ".", "--timeout", timeout.String()}, []string{"b.svg"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			cmd, stderr := kvizProcess(t, dir, tt.args...)
			err := cmd.Wait()
			if took := time.Since(start); took > bound {
				t.Errorf("took %v, want under %v", took, bound)
			}
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != exitFail {
				t.Fatalf("exit %v, want 1; stderr:\n%s", err, stderr)
			}
			want := "a.yaml: laying out: the layout took longer than " + timeout.String() + " and was stopped (raise the limit with --timeout)\n"
			if !strings.HasSuffix(stderr.String(), want) {
				t.Errorf("stderr %q, want it to end %q", stderr, want)
			}
			for _, f := range tt.want {
				if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
					t.Error(err)
				}
			}
			if _, err := os.Stat(filepath.Join(dir, "a.svg")); err == nil {
				t.Error("a.svg written")
			}
		})
	}
}
