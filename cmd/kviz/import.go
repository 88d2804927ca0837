package main

import (
	"github.com/spf13/cobra"

	"github.com/kviz/kviz/manifest"
	"github.com/kviz/kviz/model"
)

func importCmd(e *env) *cobra.Command {
	var o loadOpts
	var out string
	c := &cobra.Command{
		Use:   "import MANIFESTS... [-o model.yaml]",
		Short: "Write the kviz model of Kubernetes manifests, to curate and render later",
		Long: `Read Kubernetes manifests (files, folders of .yaml files, or '-') and write
the equivalent kviz model: one node per object, grouped by namespace, one
edge per relationship. Rendering the model draws the same picture as
rendering the manifests.`,
		Args: cobra.MinimumNArgs(1),
	}
	c.RunE = func(_ *cobra.Command, args []string) error {
		var objs []*manifest.Object
		var errs model.ErrorList
		for _, arg := range args {
			files := []string{arg}
			if isDir(arg) {
				var err error
				if files, err = yamlFiles(arg); err != nil {
					return err
				}
			}
			for _, f := range files {
				if f != arg {
					if err := linkInside(arg, f); err != nil {
						list, ok := err.(model.ErrorList)
						if !ok {
							return err
						}
						errs = append(errs, list...)
						continue
					}
				}
				name, data, err := e.read(f)
				if err != nil {
					return err
				}
				got, err := manifest.Read(name, data)
				if list, ok := err.(model.ErrorList); ok {
					errs = append(errs, list...)
					continue
				} else if err != nil {
					return err
				}
				objs = append(objs, got...)
			}
		}
		if err := errs.Err(); err != nil {
			return err
		}
		data, err := manifest.Build(objs, o.manifest).YAML()
		if err != nil {
			return err
		}
		return e.output(out, append([]byte("# Made by kviz import from Kubernetes manifests.\n"), data...))
	}
	c.Flags().StringVarP(&out, "output", "o", "-", "the model file to write ('-' for standard output)")
	addLoadFlags(c.Flags(), &o)
	return c
}
