package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	_ "github.com/kviz/kviz/internal/golden" // for -update
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"kviz": main,
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
			// The committed test fonts, for scenarios to copy beside models.
			fonts, err := filepath.Abs(filepath.Join("..", "..", "testdata", "fonts"))
			e.Setenv("TESTFONTS", fonts)
			return err
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// chown UID PATH: give a file to another user (needs root).
			"chown": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 {
					ts.Fatalf("usage: chown UID PATH")
				}
				uid, err := strconv.Atoi(args[0])
				ts.Check(err)
				ts.Check(os.Lchown(ts.MkAbs(args[1]), uid, uid))
			},
			"tmpfs":  tmpfsCmd,
			"umount": umountCmd,
		},
		Condition: func(cond string) (bool, error) {
			if cond == "root" {
				return os.Getuid() == 0, nil
			}
			if cond == "mount" {
				return canMount(), nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
	})
}
