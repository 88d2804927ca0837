package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// allToAll is a 2.6 KB model whose layout runs for minutes: 60 nodes, each
// linked to all 60 through a YAML alias (3,600 edges).
func allToAll(n int) string {
	var b strings.Builder
	b.WriteString("nodes:\n")
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("n%d", i)
		fmt.Fprintf(&b, "  - {id: %s}\n", ids[i])
	}
	fmt.Fprintf(&b, "edges:\n  - {from: n0, to: &all [%s]}\n", strings.Join(ids, ", "))
	for _, id := range ids[1:] {
		fmt.Fprintf(&b, "  - {from: %s, to: *all}\n", id)
	}
	return b.String()
}

// startup is how long kviz takes to reach its layout: Graphviz is
// instantiated before main, and a signal before main ends kviz as Go's
// runtime does (killed by the signal, not exit 130). The race detector
// makes it slower.
const startup = 1500 * time.Millisecond * (1 + 3*(slowdown-1)/9)

// kvizProcess starts kviz (the test binary, as testscript installs it in
// $PATH) in dir, once it has compiled Graphviz.
func kvizProcess(t *testing.T, dir string, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	bin, err := exec.LookPath("kviz")
	if err != nil {
		t.Skip("kviz is not in $PATH:", err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return cmd, &stderr
}

// TestSignalMidLayout: the first SIGINT or SIGTERM during a layout that
// cannot be cancelled stops kviz within a second, with 130 or 143, writing
// nothing and leaving no temporary file.
func TestSignalMidLayout(t *testing.T) {
	for _, tt := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, exitInterrupt}, {syscall.SIGTERM, exitTerminate}} {
		t.Run(tt.sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "m.yaml"), []byte(allToAll(60)), 0o644)
			cmd, stderr := kvizProcess(t, dir, "render", "m.yaml", "-o", "m.svg")
			time.Sleep(startup) // past Graphviz's start, into the layout
			start := time.Now()
			cmd.Process.Signal(tt.sig)
			err := cmd.Wait()
			took := time.Since(start)
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != tt.code {
				t.Fatalf("exit %v, want %d; stderr:\n%s", err, tt.code, stderr)
			}
			if took > time.Second {
				t.Errorf("took %v to stop, want under 1s", took)
			}
			if ents, _ := os.ReadDir(dir); len(ents) != 1 {
				t.Errorf("left %d files, want only m.yaml: %v", len(ents), ents)
			}
		})
	}
}

// TestSecondSignal: a second signal does not wait for the grace period.
func TestSecondSignal(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "m.yaml"), []byte(allToAll(60)), 0o644)
	cmd, _ := kvizProcess(t, dir, "render", "m.yaml", "-o", "m.svg")
	time.Sleep(startup)
	start := time.Now()
	cmd.Process.Signal(syscall.SIGINT)
	time.Sleep(20 * time.Millisecond)
	cmd.Process.Signal(syscall.SIGINT)
	cmd.Wait()
	if took := time.Since(start); took >= grace {
		t.Errorf("took %v after two signals, want under the %v grace", took, grace)
	}
	if code := cmd.ProcessState.ExitCode(); code != exitInterrupt {
		t.Errorf("exit %d, want %d", code, exitInterrupt)
	}
}

// TestTempFilesStop: once stopped, temporary files are removed and none
// is renamed into place or started.
func TestTempFilesStop(t *testing.T) {
	dir := t.TempDir()
	tf := &tempFiles{names: map[string]bool{}}
	a, b := filepath.Join(dir, ".a.kviz-1"), filepath.Join(dir, ".b.kviz-2")
	for _, name := range []string{a, b} {
		os.WriteFile(name, []byte("x"), 0o644)
		if err := tf.add(name); err != nil {
			t.Fatal(err)
		}
	}
	if err := tf.commit(a, filepath.Join(dir, "a.svg")); err != nil {
		t.Fatal(err)
	}
	tf.stop()
	if err := tf.commit(b, filepath.Join(dir, "b.svg")); !errors.Is(err, errInterrupted) {
		t.Errorf("commit after stop: %v", err)
	}
	if err := tf.add(filepath.Join(dir, "c")); !errors.Is(err, errInterrupted) {
		t.Errorf("add after stop: %v", err)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 || ents[0].Name() != "a.svg" {
		t.Errorf("left %v, want only a.svg", ents)
	}
}

// TestPanicIsABug: a panic in a command is exit 1 and "kviz bug: ...",
// never exit 2, the code of a wrong command line.
func TestPanicIsABug(t *testing.T) {
	var stderr bytes.Buffer
	code := func() (code int) {
		defer guard(&stderr, &code)
		panic("index out of range")
	}()
	if code != exitFail || !strings.HasPrefix(stderr.String(), "kviz bug: index out of range\n") {
		t.Errorf("code %d, stderr %q", code, stderr.String())
	}
}

// TestSignalMidRedraw: Ctrl-C stops kviz watch within a second while a
// redraw is laying out.
func TestSignalMidRedraw(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "m.yaml"), []byte(allToAll(60)), 0o644)
	cmd, stderr := kvizProcess(t, dir, "watch", "m.yaml", "--addr", "127.0.0.1:0")
	time.Sleep(startup)
	start := time.Now()
	cmd.Process.Signal(syscall.SIGINT)
	cmd.Wait()
	if took := time.Since(start); took > time.Second {
		t.Errorf("took %v to stop, want under 1s", took)
	}
	if code := cmd.ProcessState.ExitCode(); code != exitInterrupt {
		t.Errorf("exit %d, want %d; stderr:\n%s", code, exitInterrupt, stderr)
	}
}
