package main

import (
	"embed"
	"os"
	"sort"
	"strings"

	"github.com/spf13/cobra"
)

//go:embed starters/*.yaml
var starters embed.FS

func starterNames() []string {
	entries, _ := starters.ReadDir("starters")
	var names []string
	for _, e := range entries {
		names = append(names, strings.TrimSuffix(e.Name(), ".yaml"))
	}
	sort.Strings(names)
	return names
}

func initCmd(e *env) *cobra.Command {
	var out string
	var force bool
	c := &cobra.Command{
		Use:       "init [" + strings.Join(starterNames(), "|") + "] [-o FILE]",
		Short:     "Write a starter model",
		Long:      "Write a starter model to edit: the Kubernetes components figure (cluster), services around an event broker (choreography), or a web application on Kubernetes (app, the default).",
		Args:      cobra.MaximumNArgs(1),
		ValidArgs: starterNames(),
	}
	c.RunE = func(_ *cobra.Command, args []string) error {
		name := "app"
		if len(args) == 1 {
			name = args[0]
		}
		data, err := starters.ReadFile("starters/" + name + ".yaml")
		if err != nil {
			return usagef("no starter %q (one of %s)", name, strings.Join(starterNames(), ", "))
		}
		if out != "-" && !force {
			if _, err := os.Stat(out); err == nil {
				return usagef("%s exists; use --force to replace it", out)
			}
		}
		header := "# yaml-language-server: $schema=" + schemaHint + "\n"
		return e.output(out, append([]byte(header), data...))
	}
	c.Flags().StringVarP(&out, "output", "o", "-", "the file to write ('-' for standard output)")
	c.Flags().BoolVar(&force, "force", false, "replace an existing file")
	return c
}
