package main

import (
	"github.com/spf13/cobra"

	"github.com/kviz/kviz/model"
	"github.com/kviz/kviz/render"
)

// schemaHint is what a model's first line names as its schema, for
// yaml-language-server: the file `kviz schema -o kviz.schema.json` writes.
const schemaHint = "./kviz.schema.json"

func schemaCmd(e *env) *cobra.Command {
	var out string
	var scene bool
	c := &cobra.Command{
		Use:   "schema [--scene] [-o kviz.schema.json]",
		Short: "Print the JSON Schema of the model format, for editors, or of the JSON scene",
		Long: `Print the JSON Schema of model format v1. Save it beside your models and
start each model with

  # yaml-language-server: $schema=` + schemaHint + `

for completion and checks in editors that use yaml-language-server (VS Code's
YAML extension, Neovim, Helix, ...).

With --scene, print the JSON Schema of what 'kviz render -f json' writes: the
laid-out scene, version 1, for tools that read it.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if scene {
				return e.output(out, render.SceneSchema())
			}
			return e.output(out, model.Schema())
		},
	}
	c.Flags().StringVarP(&out, "output", "o", "-", "the file to write ('-' for standard output)")
	c.Flags().BoolVar(&scene, "scene", false, "the schema of the JSON scene (-f json), not of the model")
	return c
}
