// Package wasmcache moves go-graphviz's compiled-code cache into a private
// folder before go-graphviz compiles its WASM module.
//
// go-graphviz compiles Graphviz in a package init and caches the native code
// in $TMPDIR/go-graphviz, a folder it creates world-readable and later trusts
// (checked only by a CRC): on a shared /tmp another user can plant code there.
// This package's init points TMPDIR at a folder only the user can write,
// <os.UserCacheDir()>/kviz, and Restore puts TMPDIR back once go-graphviz
// is initialised. When no such folder can be had, the cache is turned off.
//
// Go initialises packages in import-path order among those whose imports
// are ready. go-graphviz's WASM package imports github.com/tetratelabs/wazero,
// which sorts after this package and needs everything this package needs, so
// this init always runs first. Restore verifies that at run time.
package wasmcache

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Env disables the cache when set to "off".
const Env = "KVIZ_WASM_CACHE"

// off is a TMPDIR under which no folder can be made, so go-graphviz runs
// without a cache.
const off = "/dev/null/kviz-no-cache"

var (
	savedTmp, hadTmp = os.LookupEnv("TMPDIR")
	dir, dirErr      = setup()
)

func setup() (string, error) {
	if os.Getenv(Env) == "off" {
		os.Setenv("TMPDIR", off)
		return "", errors.New("turned off by " + Env)
	}
	d, err := Private()
	if err != nil {
		os.Setenv("TMPDIR", off)
		return "", err
	}
	os.Setenv("TMPDIR", d)
	return d, nil
}

// Private makes (or checks) <os.UserCacheDir()>/kviz: a real folder, not a
// symlink, owned by this user and closed to everyone else.
func Private() (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	d := filepath.Join(base, "kviz")
	if err := os.MkdirAll(d, 0o700); err != nil {
		return "", err
	}
	return d, Check(d)
}

// Check refuses a folder that is a symlink, is not a folder, belongs to
// another user or can be written by others. A folder of this user's that
// others can read is closed.
func Check(d string) error {
	fi, err := os.Lstat(d)
	if err != nil {
		return err
	}
	if fi.Mode()&os.ModeSymlink != 0 {
		return fmt.Errorf("cache folder %s is a symlink", d)
	}
	if !fi.IsDir() {
		return fmt.Errorf("cache folder %s is not a folder", d)
	}
	if err := ownedByMe(fi); err != nil {
		return fmt.Errorf("cache folder %s: %w", d, err)
	}
	if fi.Mode().Perm()&0o077 != 0 {
		if err := os.Chmod(d, 0o700); err != nil {
			return err
		}
	}
	return nil
}

// Restore puts TMPDIR back as it was and reports where go-graphviz keeps
// its cache: a folder inside the private one, or "" with the reason there
// is none. Call it after go-graphviz is initialised; the cache folder's
// presence there is the proof that this package's init ran first.
func Restore() (string, error) {
	if hadTmp {
		os.Setenv("TMPDIR", savedTmp)
	} else {
		os.Unsetenv("TMPDIR")
	}
	if dirErr != nil {
		return "", dirErr
	}
	cache := filepath.Join(dir, "go-graphviz")
	fi, err := os.Lstat(cache)
	if err != nil {
		return "", fmt.Errorf("go-graphviz made no cache in %s: %w", dir, err)
	}
	if !fi.IsDir() || fi.Mode()&os.ModeSymlink != 0 {
		return "", fmt.Errorf("%s is not a plain folder", cache)
	}
	return cache, nil
}
