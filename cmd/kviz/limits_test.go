package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestBigManifest: a manifest of 16 MB in 180,000 small objects is
// refused within a second of CPU (wall time depends on the machine's
// load), naming the true reason and the object past the limit, before any
// model is built.
func TestBigManifest(t *testing.T) {
	var b bytes.Buffer
	for i := 0; b.Len() < 16_000_000; i++ {
		fmt.Fprintf(&b, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c%d, namespace: ns}\ndata: {k: v}\n---\n", i)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "m.yaml"), b.Bytes(), 0o644)
	cmd, stderr := kvizProcess(t, dir, "render", "m.yaml", "-o", "m.svg")
	cmd.Wait()
	if cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime(); cpu > slowdown*time.Second {
		t.Errorf("took %v of CPU, want under %v", cpu, slowdown*time.Second)
	}
	want := "m.yaml:50001:1: more than 10000 objects (raise the limit with --max-nodes)\n"
	if code := cmd.ProcessState.ExitCode(); code != exitFail || stderr.String() != want {
		t.Errorf("exit %d, stderr %q; want 1, %q", code, stderr.String(), want)
	}
	if _, err := os.Stat(filepath.Join(dir, "m.svg")); err == nil {
		t.Error("drawing written")
	}
}

// TestManifestOverModelLimits: --max-edges counts the edges the objects
// make and says so at the manifest's name, not at a line of the model
// made from it.
func TestManifestOverModelLimits(t *testing.T) {
	var b strings.Builder
	b.WriteString("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n")
	for i := 0; i < 5; i++ { // five autoscalers of one Deployment: five edges
		fmt.Fprintf(&b, "---\nkind: HorizontalPodAutoscaler\nmetadata: {name: h%d}\nspec: {scaleTargetRef: {kind: Deployment, name: web}}\n", i)
	}
	path := filepath.Join(t.TempDir(), "m.yaml")
	os.WriteFile(path, []byte(b.String()), 0o644)
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"render", path, "-o", path + ".svg", "--max-edges", "3"}, nil, &stdout, &stderr)
	want := "kviz: " + path + ": its objects make 5 edges, more than 3 (raise the limit with --max-edges)\n"
	if code != exitFail || stderr.String() != want {
		t.Errorf("exit %d, stderr %q; want 1, %q", code, stderr.String(), want)
	}
}
