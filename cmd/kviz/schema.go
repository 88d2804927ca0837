package main

import (
	"github.com/spf13/cobra"

	"github.com/kviz/kviz/model"
)

// schemaHint is what a model's first line names as its schema, for
// yaml-language-server: the file `kviz schema -o kviz.schema.json` writes.
const schemaHint = "./kviz.schema.json"

func schemaCmd(e *env) *cobra.Command {
	var out string
	c := &cobra.Command{
		Use:   "schema [-o kviz.schema.json]",
		Short: "Print the JSON Schema of the model format, for editors",
		Long: `Print the JSON Schema of model format v1. Save it beside your models and
start each model with

  # yaml-language-server: $schema=` + schemaHint + `

for completion and checks in editors that use yaml-language-server (VS Code's
YAML extension, Neovim, Helix, ...).`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return e.output(out, model.Schema()) },
	}
	c.Flags().StringVarP(&out, "output", "o", "-", "the file to write ('-' for standard output)")
	return c
}
