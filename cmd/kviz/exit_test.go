package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExitCodes pins the exit code of each kind of outcome: 0 ok, 1 the
// input or the work failed, 2 the command line is wrong.
func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.yaml")
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(good, []byte("nodes: [{id: a}]\n"), 0o644)
	os.WriteFile(bad, []byte("nodes: [{id: a, kind: nope}]\n"), 0o644)
	out := filepath.Join(dir, "out.json")
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"ok", []string{"render", good, "-o", out}, exitOK},
		{"validate ok", []string{"validate", good}, exitOK},
		{"help", []string{"--help"}, exitOK},
		{"bad model", []string{"render", bad, "-o", out}, exitFail},
		{"missing file", []string{"render", filepath.Join(dir, "none.yaml"), "-o", out}, exitFail},
		{"validate bad", []string{"validate", bad}, exitFail},
		{"unwritable folder", []string{"render", good, "-o", filepath.Join(good, "x.svg")}, exitFail},
		{"new folders are made", []string{"render", good, "-o", filepath.Join(dir, "new", "sub", "x.svg")}, exitOK},
		{"unknown command", []string{"draw"}, exitUsage},
		{"unknown flag", []string{"render", good, "--colour"}, exitUsage},
		{"no input", []string{"render"}, exitUsage},
		{"unknown format", []string{"render", good, "-f", "gif", "-o", out}, exitUsage},
		{"unknown extension", []string{"render", good, "-o", filepath.Join(dir, "x.gif")}, exitUsage},
		{"bad direction", []string{"render", good, "--direction", "up", "-o", out}, exitUsage},
		{"bad background", []string{"render", good, "--background", "#12", "-o", out}, exitUsage},
		{"version with args", []string{"version", "x"}, exitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			got := run(context.Background(), tt.args, strings.NewReader(""), &stdout, &stderr)
			if got != tt.want {
				t.Errorf("kviz %s: exit %d, want %d\nstderr: %s", strings.Join(tt.args, " "), got, tt.want, stderr.String())
			}
		})
	}
}

// TestFullDisk checks that a write that fails midway names the file and
// leaves nothing behind.
func TestFullDisk(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full here")
	}
	err := writeFile("/dev/full", []byte("x"))
	if err == nil {
		t.Fatal("writing over /dev/full succeeded")
	}
	if !strings.Contains(err.Error(), "/dev/full") {
		t.Errorf("error %q does not name the file", err)
	}
}

// TestInterrupted: Ctrl-C (a cancelled context) stops a batch between
// files; nothing half-written is left and the exit code says it failed.
func TestInterrupted(t *testing.T) {
	dir := t.TempDir()
	var args []string
	for _, n := range []string{"a", "b", "c"} {
		p := filepath.Join(dir, n+".yaml")
		os.WriteFile(p, []byte("nodes: [{id: a}]\n"), 0o644)
		args = append(args, p)
	}
	out := filepath.Join(dir, "out")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stdout, stderr bytes.Buffer
	if code := run(ctx, append([]string{"render", "-o", out}, args...), strings.NewReader(""), &stdout, &stderr); code != exitFail {
		t.Errorf("exit %d, want %d", code, exitFail)
	}
	files, _ := os.ReadDir(out)
	if len(files) != 0 {
		t.Errorf("an interrupted batch left %d files", len(files))
	}
}

// TestStartersMatchFigures: the cluster and choreography starters are the
// seed figures' models, kept in two places because go:embed cannot reach
// testdata; they must not drift apart.
func TestStartersMatchFigures(t *testing.T) {
	for _, name := range []string{"cluster", "choreography"} {
		starter, err := starters.ReadFile("starters/" + name + ".yaml")
		if err != nil {
			t.Fatal(err)
		}
		figure, err := os.ReadFile(filepath.Join("..", "..", "testdata", "figures", name+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(starter, figure) {
			t.Errorf("starters/%s.yaml differs from testdata/figures/%s.yaml", name, name)
		}
	}
}
