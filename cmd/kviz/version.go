package main

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/kviz/kviz/layouts/graphviz/wasm"
)

func versionCmd(e *env) *cobra.Command {
	var verbose bool
	c := &cobra.Command{
		Use:   "version",
		Short: "Print kviz's version",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			v := "(devel)"
			if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
				v = bi.Main.Version
			}
			fmt.Fprintln(e.stdout, "kviz", v)
			if verbose {
				if dir, err := wasm.CacheDir(); err != nil {
					fmt.Fprintf(e.stdout, "graphviz cache: off (%v)\n", err)
				} else {
					fmt.Fprintf(e.stdout, "graphviz cache: %s\n", dir)
				}
			}
			return nil
		},
	}
	c.Flags().BoolVarP(&verbose, "verbose", "v", false, "also say where compiled Graphviz is cached")
	return c
}
