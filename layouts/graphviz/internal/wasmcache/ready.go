package wasmcache

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// warmEnv names, in the child that compiles the cache, the staging folder
// it compiles into.
const warmEnv = "KVIZ_WASM_WARM"

// warmName is the child's argv[0].
const warmName = "kviz-compile-graphviz"

// warmTimeout bounds the child's compile (about 2 s on a slow machine).
const warmTimeout = time.Minute

// errNoCompiler: wazero interprets rather than compiles here, and keeps no
// cache.
var errNoCompiler = errors.New("wazero does not compile on " + runtime.GOARCH)

// ready makes sure the entry named by this build's marker is in place and
// sound, compiling it in a child when it is not.
func ready(d string) error {
	if runtime.GOARCH != "amd64" && runtime.GOARCH != "arm64" {
		return errNoCompiler
	}
	marker := filepath.Join(d, "ready-"+readyKey())
	vdir := filepath.Join(d, "go-graphviz", versionDir())
	if key, err := os.ReadFile(marker); err == nil && isKey(string(key)) {
		if _, err := os.Lstat(filepath.Join(vdir, string(key))); err == nil {
			return nil // checked by checkTree
		}
	}
	key, err := warm(d, vdir)
	if err != nil {
		return err
	}
	if err := writeAtomic(marker, []byte(key)); err != nil {
		return fault{err}
	}
	return nil
}

// readyKey tells apart the builds and hosts whose entries differ: wazero
// keys an entry by the WASM module (go-graphviz's version), its own
// version, the platform and the CPU's features (the host, as near as kviz
// can tell).
func readyKey() string {
	host, _ := os.Hostname()
	id := strings.Join([]string{
		moduleVersion("github.com/goccy/go-graphviz", "unknown"),
		wazeroVersion(), runtime.GOARCH, runtime.GOOS, host,
	}, "\x00")
	sum := sha256.Sum256([]byte(id))
	return hex.EncodeToString(sum[:8])
}

// warm compiles the cache entry in a child and moves it into vdir,
// returning its key.
func warm(d, vdir string) (string, error) {
	stage, err := os.MkdirTemp(d, "warm-")
	if err != nil {
		return "", faultf("cannot write the cache: %w", err)
	}
	defer os.RemoveAll(stage)
	if err := runChild(stage); err != nil {
		return "", err
	}
	built := filepath.Join(stage, "go-graphviz", versionDir())
	ents, err := os.ReadDir(built)
	if err != nil || len(ents) != 1 || !isKey(ents[0].Name()) {
		return "", faultf("compiling Graphviz left no single cache entry in %s", built)
	}
	key := ents[0].Name()
	if err := verifyFile(filepath.Join(built, key)); err != nil {
		return "", faultf("the entry just compiled is damaged: %v", err)
	}
	if err := os.MkdirAll(vdir, 0o700); err != nil {
		return "", fault{err}
	}
	if err := checkPath(filepath.Dir(vdir)); err != nil {
		return "", err
	}
	if err := os.Rename(filepath.Join(built, key), filepath.Join(vdir, key)); err != nil {
		return "", fault{err}
	}
	return key, nil
}

// runChild runs this executable with warmEnv set: its go-graphviz init
// compiles into stage, and it exits before main.
func runChild(stage string) error {
	exe, err := os.Executable()
	if err != nil {
		return faultf("cannot compile it in a child: %w", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), warmTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, exe)
	cmd.Args = []string{warmName}
	cmd.Env = append(os.Environ(), warmEnv+"="+stage)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return faultf("compiling Graphviz into the cache failed (%v): %s", err, reason(out.String()))
	}
	return nil
}

// reason is the first non-blank line of a child's output, without "panic: ",
// cut in the middle to about 200 bytes: a long path comes first, the cause
// last.
func reason(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimPrefix(strings.TrimSpace(l), "panic: "); l != "" {
			if len(l) > 200 {
				l = strings.ToValidUTF8(l[:80]+"…"+l[len(l)-120:], "")
			}
			return l
		}
	}
	return "no message"
}

// writeAtomic writes a small file through a temporary one and a rename.
func writeAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
