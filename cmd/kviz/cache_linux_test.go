package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestCacheAsAnotherUser runs kviz as a second user (uid 65534): a cache
// folder of root's is refused, with one line, and the drawing still made;
// the user's own cache folder is made and used. Needs root.
func TestCacheAsAnotherUser(t *testing.T) {
	if os.Getuid() != 0 {
		t.Skip("needs root to run kviz as another user")
	}
	bin, err := exec.LookPath("kviz")
	if err != nil {
		t.Skip("kviz is not in $PATH:", err)
	}
	dir, err := os.MkdirTemp("", "kviz-nobody-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	os.Chmod(dir, 0o755)
	exe := filepath.Join(dir, "kviz")
	copyFile(t, bin, exe)
	shared := filepath.Join(dir, "shared")
	os.MkdirAll(filepath.Join(shared, "kviz"), 0o755)
	work := filepath.Join(dir, "work")
	os.Mkdir(work, 0o755)
	os.WriteFile(filepath.Join(work, "m.yaml"), []byte("nodes: [{id: a}]\n"), 0o644)
	os.Chown(work, 65534, 65534)

	asNobody := func(cache, out string) (string, error) {
		cmd := exec.Command(exe, "render", "m.yaml", "-o", out)
		cmd.Dir = work
		cmd.Env = []string{"HOME=" + work, "XDG_CACHE_HOME=" + cache, "PATH=/usr/bin:/bin"}
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		return stderr.String(), err
	}
	stderr, err := asNobody(shared, "a.svg")
	want := "kviz: graphviz cache off for this run: cache folder " + filepath.Join(shared, "kviz") + ": owned by uid 0, not by this user (uid 65534)\n"
	if err != nil || stderr != want {
		t.Errorf("root's cache folder: %v, stderr %q; want %q", err, stderr, want)
	}
	if _, err := os.Stat(filepath.Join(work, "a.svg")); err != nil {
		t.Error(err)
	}
	if ents, _ := os.ReadDir(filepath.Join(shared, "kviz")); len(ents) != 0 {
		t.Errorf("wrote into root's folder: %v", ents)
	}

	own := filepath.Join(work, "cache")
	for i := 0; i < 2; i++ {
		if stderr, err := asNobody(own, "b.svg"); err != nil || strings.TrimSpace(stderr) != "" {
			t.Errorf("own cache, run %d: %v, stderr %q", i+1, err, stderr)
		}
	}
	fi, err := os.Stat(filepath.Join(own, "kviz"))
	if err != nil {
		t.Fatal(err)
	}
	if st := fi.Sys().(*syscall.Stat_t); st.Uid != 65534 || fi.Mode().Perm() != 0o700 {
		t.Errorf("own cache folder: uid %d, mode %v", st.Uid, fi.Mode().Perm())
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}
