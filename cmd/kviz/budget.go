package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/kviz/kviz/layouts/graphviz"
	"github.com/kviz/kviz/layouts/graphviz/wasm"
)

// defaultTimeout bounds one layout: a model of a few thousand edges can
// keep Graphviz busy for many minutes.
const defaultTimeout = 60 * time.Second

// addBudgetFlags adds --timeout, the limit of a layout; --max-edges is
// among the limits of reading a model (addLoadFlags).
func addBudgetFlags(f *pflag.FlagSet, timeout *time.Duration) {
	f.DurationVar(timeout, "timeout", defaultTimeout, "stop a layout that takes longer (0: no limit)")
}

// errTimeout is the cause a layout's context ends with at --timeout.
type errTimeout struct{ d time.Duration }

func (e errTimeout) Error() string {
	return fmt.Sprintf("the layout took longer than %v and was stopped (raise the limit with --timeout)", e.d)
}

// layouter lays out in this process until a layout times out; from then
// on, or from the start when a worker is set (kviz watch), it lays out in
// a worker process that is killed at each timeout, since go-graphviz
// cannot stop a layout and stays busy with the abandoned one.
type layouter struct {
	worker *graphviz.Worker
}

// budgeted runs lay, a layout, within the budget o.timeout, in the
// worker if there is one, and starts the worker once a layout times out.
func (e *env) budgeted(ctx context.Context, o renderOpts, lay func(context.Context) error) error {
	if o.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeoutCause(ctx, o.timeout, errTimeout{o.timeout})
		defer cancel()
	}
	if e.layouter.worker != nil {
		ctx = graphviz.WithPlacer(ctx, e.layouter.worker)
	}
	err := lay(ctx)
	var t errTimeout
	if errors.As(err, &t) && e.layouter.worker == nil {
		e.layouter.worker = newWorker()
	}
	return err
}

// newWorker is a layout worker running this executable's hidden
// subcommand.
func newWorker() *graphviz.Worker {
	return graphviz.NewWorker(func() *exec.Cmd {
		exe, err := os.Executable()
		if err != nil {
			exe = os.Args[0]
		}
		cmd := exec.Command(exe, workerCommand)
		cmd.Args[0] = "kviz" // tests run kviz as a test binary, by that name
		dieWithParent(cmd)
		return cmd
	})
}

// closeWorker ends the worker process, if one was started.
func (e *env) closeWorker() {
	if e.layouter.worker != nil {
		e.layouter.worker.Close()
	}
}

const workerCommand = "__layout-worker"

// workerCmd is the hidden subcommand a worker process runs: layouts
// asked on standard input, answered on standard output.
func workerCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:    workerCommand,
		Hidden: true,
		Args:   cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			return wasm.Serve(e.stdin, e.stdout)
		},
	}
}
