// Command kviz draws architecture diagrams from YAML models and Kubernetes
// manifests. It reads files and writes files; the work is done by the
// model, layouts and render packages.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kviz/kviz/model"
)

func main() {
	shortLived()
	ctx, stop := handleSignals(context.Background())
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(ctx, code))
}

// gcPercent is the garbage collector's target for a short-lived command:
// a render allocates most of what it needs at once, and collecting when
// the heap reaches five times the live data rather than twice saves
// collections: about 5 ms of a 40 ms render, 8 ms of CPU (scripts/bench.sh).
const gcPercent = 400

// shortLived tunes the runtime for a command that exits in milliseconds,
// unless GOGC says otherwise. kviz watch, which runs for hours, undoes it.
func shortLived() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
}

// Exit codes.
const (
	exitOK    = 0
	exitFail  = 1 // the input or the work failed
	exitUsage = 2 // the command line is wrong
)

// usageError marks a wrong command line.
type usageError struct{ error }

func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// failed reports that the errors were already printed.
var errFailed = errors.New("failed")

// env is what a command may touch of the outside world.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	layouter       layouter
	named          *readFiles // under watch: the files models name, to watch them too
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer guard(stderr, &code)
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	defer e.closeWorker()
	root := &cobra.Command{
		Use:           "kviz",
		Short:         "Draw architecture diagrams from YAML models and Kubernetes manifests",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(renderCmd(e), watchCmd(e), importCmd(e), validateCmd(e), fmtCmd(e), initCmd(e), schemaCmd(e), kindsCmd(e), versionCmd(e), workerCmd(e), fontsCmd(e))

	err := root.ExecuteContext(ctx)
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errFailed):
		return exitFail
	case isUsage(err):
		fmt.Fprintf(stderr, "kviz: %v\nRun 'kviz --help' for usage.\n", err)
		return exitUsage
	}
	printErr(stderr, err)
	return exitFail
}

func isUsage(err error) bool {
	var u usageError
	if errors.As(err, &u) {
		return true
	}
	// cobra's own complaints about the command line.
	msg := err.Error()
	return strings.HasPrefix(msg, "unknown command") || strings.HasPrefix(msg, "accepts ") ||
		strings.HasPrefix(msg, "requires at least") || strings.HasPrefix(msg, "unknown flag") ||
		strings.HasPrefix(msg, "unknown shorthand flag")
}

// printErr prints positioned errors one a line, as they are, and anything
// else once prefixed with "kviz: ".
func printErr(w io.Writer, err error) {
	var list model.ErrorList
	if errors.As(err, &list) {
		fmt.Fprintln(w, list.Error())
		return
	}
	fmt.Fprintf(w, "kviz: %v\n", err)
}
