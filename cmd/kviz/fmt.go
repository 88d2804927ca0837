package main

import (
	"bytes"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/kviz/kviz/model"
)

func fmtCmd(e *env) *cobra.Command {
	var check bool
	c := &cobra.Command{
		Use:   "fmt [--check] FILE...",
		Short: "Rewrite models in canonical form",
		Long: `Rewrite each model in canonical form: keys in the documented order, two-space
indentation, comments kept. With --check, write nothing and exit 1 naming
each file that is not in canonical form. '-' formats standard input to
standard output.`,
		Args: cobra.MinimumNArgs(1),
	}
	c.RunE = func(_ *cobra.Command, args []string) error {
		failed := false
		for _, f := range args {
			name, data, err := e.read(f)
			if err != nil {
				printErr(e.stderr, err)
				failed = true
				continue
			}
			out, err := model.Format(name, data)
			switch {
			case err != nil:
				printErr(e.stderr, err)
				failed = true
			case f == "-":
				_, err = e.stdout.Write(out)
			case check && !bytes.Equal(out, data):
				fmt.Fprintf(e.stderr, "not formatted: %s\n", f)
				failed = true
			case !check && !bytes.Equal(out, data):
				err = writeFile(f, out)
			}
			if err != nil {
				printErr(e.stderr, err)
				failed = true
			}
		}
		if failed {
			return errFailed
		}
		return nil
	}
	c.Flags().BoolVar(&check, "check", false, "write nothing; exit 1 if a file is not in canonical form")
	return c
}
