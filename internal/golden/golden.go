// Package golden compares test output with files under testdata, and
// rewrites them when tests run with -update (go test ./... -update). Every
// package with tests imports it, so that the flag exists in each.
package golden

import (
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Update is the -update flag.
var Update = flag.Bool("update", false, "rewrite golden files under testdata")

// Check compares got with the file at path byte for byte, or writes it
// there under -update.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *Update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run go test -update to accept):\n%s\n%s", path, Diff(string(want), string(got)), keep(t, path, got))
	}
}

// keep writes what a test got beside FailureDir, named as its golden, and
// says where.
func keep(t testing.TB, golden string, got []byte) string {
	dir := FailureDir(t)
	path := filepath.Join(dir, filepath.Base(golden))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Sprintf("(could not keep the output: %v)", err)
	}
	if err := os.WriteFile(path, got, 0o644); err != nil {
		return fmt.Sprintf("(could not keep the output: %v)", err)
	}
	return "what the test got is kept in " + path
}

// WellFormedXML checks that data is one well-formed XML document.
func WellFormedXML(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// Diff describes the first lines where two texts part.
func Diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, wl, gl)
		}
	}
	return "(same lines, different bytes)"
}
