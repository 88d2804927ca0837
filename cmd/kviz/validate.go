package main

import (
	"github.com/spf13/cobra"

	"github.com/kviz/kviz/layouts"
)

func validateCmd(e *env) *cobra.Command {
	var o loadOpts
	var fonts fontOpts
	c := &cobra.Command{
		Use:   "validate FILE...",
		Short: "Check models and print every problem, without drawing",
		Long:  "Check models and print every problem as file:line:col: message. Exit 1 if any model has a problem. '-' reads standard input; a Markdown page (.md, .mdx) has each kviz fence checked.",
		Args:  cobra.MinimumNArgs(1),
		RunE:  func(*cobra.Command, []string) error { return nil },
	}
	c.RunE = func(_ *cobra.Command, args []string) error {
		var l layouts.Options
		if err := fonts.apply(&l); err != nil {
			return err
		}
		failed := false
		for _, name := range args {
			if isPage(name) {
				failed = !e.validatePage(name, o) || failed
				continue
			}
			m, err := e.load(name, o)
			if err == nil {
				err = layouts.Check(m, l) // a label no font can draw is a problem too
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
	addLoadFlags(c.Flags(), &o)
	addFontFlags(c.Flags(), &fonts)
	return c
}
