// Package wasmcache prepares go-graphviz's compiled-code cache before
// go-graphviz compiles its WASM module, so that a fault in the cache never
// stops kviz and only code kviz compiled itself is ever run.
//
// Everything kviz does before go-graphviz's package init is here. go-graphviz
// compiles Graphviz in an init and caches the native code, through wazero,
// in $TMPDIR/go-graphviz; when wazero fails (a truncated or garbage entry, a
// read-only folder, a full disk) that init panics, before main, on every
// command. This package's init runs first and, in order:
//
//  1. Trust. The folder is <os.UserCacheDir()>/kviz. Each folder above it
//     must belong to this user or root and be closed to others (or sticky,
//     as /tmp is); symlinks above it must belong to this user or root. From
//     kviz down (kviz, go-graphviz, wazero-*, every entry) nothing may be a
//     symlink, belong to another user or be writable by group or others.
//     Anything else turns the cache off for this run, with one line on
//     standard error; what could not be trusted is closed (chmod 0700) and
//     removed, so the next run starts clean.
//  2. Integrity. Each entry is read whole and checked as wazero will read
//     it: header, wazero version, sizes, CRC, no trailing bytes. A bad one
//     is removed (one line on standard error) and compiled anew.
//  3. Ready. A marker file, kviz/ready-*, names the entry compiled for this
//     go-graphviz, wazero, platform and host. With that entry present and
//     sound, go-graphviz only reads the cache: wazero writes only on a miss.
//     Without it, the entry is compiled by a child: this executable run
//     again with KVIZ_WASM_WARM naming a fresh staging folder. The child's
//     go-graphviz init compiles into it and the child exits in Restore,
//     before main. If the child fails in any way (read-only folder, full
//     disk, a crash, over a minute) the cache is off for this run, with one
//     line on standard error; otherwise its entry is checked, renamed into
//     place and the marker written. A first run pays the compile in the
//     child and a cached load in the parent (about 50 ms).
//  4. TMPDIR points at the kviz folder, or at a path where no folder can be
//     made (the cache is off: go-graphviz compiles in memory), until
//     Restore puts it back.
//
// Go initialises packages in import-path order among those whose imports
// are ready. go-graphviz's WASM package imports github.com/tetratelabs/wazero,
// which sorts after this package and needs everything this package needs, so
// this init always runs first. Restore verifies that at run time.
//
// What is left: a cache folder shared by hosts of the same name but
// different CPUs misses in wazero, which then writes; on a full disk that
// write still fails inside go-graphviz.
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
	// The child that compiles the cache is named so and has warmEnv set:
	// both, so that a stray variable cannot make kviz exit doing nothing.
	warming     = os.Getenv(warmEnv) != "" && len(os.Args) > 0 && os.Args[0] == warmName
	dir, dirErr = setup()
)

func setup() (string, error) {
	if warming {
		os.Setenv("TMPDIR", os.Getenv(warmEnv))
		return "", errors.New("compiling in a child")
	}
	if moduleVersion("github.com/goccy/go-graphviz", "") == "" {
		return "", errors.New("go-graphviz is not in this program")
	}
	if os.Getenv(Env) == "off" {
		os.Setenv("TMPDIR", off)
		return "", errors.New("turned off by " + Env)
	}
	d, err := prepare()
	if err != nil {
		os.Setenv("TMPDIR", off)
		var f fault
		if errors.As(err, &f) {
			fmt.Fprintf(os.Stderr, "kviz: graphviz cache off for this run: %v\n", err)
		}
		return "", err
	}
	os.Setenv("TMPDIR", d)
	return d, nil
}

// fault is a reason to turn the cache off that the user should hear of: a
// folder kviz cannot trust or a cache it cannot write. No cache folder at
// all (no home) is not one.
type fault struct{ error }

func (f fault) Unwrap() error { return f.error }

func faultf(format string, args ...any) error { return fault{fmt.Errorf(format, args...)} }

// prepare makes, checks, heals and fills the cache, returning the folder
// to use as TMPDIR.
func prepare() (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(base, 0o700); err != nil {
		return "", err
	}
	if err := checkAbove(base); err != nil {
		return "", fault{err}
	}
	d := filepath.Join(base, "kviz")
	if err := os.Mkdir(d, 0o700); err != nil && !errors.Is(err, os.ErrExist) {
		return "", fault{err}
	}
	if err := Check(d); err != nil {
		return "", err
	}
	healed, err := checkTree(d)
	if err != nil {
		return "", err
	}
	if err := ready(d); err != nil {
		return "", err
	}
	if healed != "" {
		fmt.Fprintf(os.Stderr, "kviz: graphviz cache: %s; compiled it anew\n", healed)
	}
	return d, nil
}

// Restore puts TMPDIR back as it was and reports where go-graphviz keeps
// its cache: a folder inside the private one, or "" with the reason there
// is none. Call it after go-graphviz is initialised; the cache folder's
// presence there is the proof that this package's init ran first. In the
// child that compiles the cache, Restore ends the process.
func Restore() (string, error) {
	if warming {
		os.Exit(0)
	}
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
