package main

import (
	"context"
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	_ "github.com/kviz/kviz/internal/golden" // for -update
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"kviz": func() { os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the CLI scenarios in testdata/script: arguments, input
// files, exit codes, standard output and error, and the files left behind.
func TestScripts(t *testing.T) {
	cache, err := os.UserCacheDir()
	if err != nil {
		t.Skip("no user cache folder:", err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(e *testscript.Env) error {
			// Share the compiled Graphviz between runs: without it each
			// kviz process compiles the WASM module anew.
			e.Setenv("XDG_CACHE_HOME", cache)
			return nil
		},
	})
}
