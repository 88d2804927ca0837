package main

import (
	"bytes"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/kviz/kviz/layouts"
	"github.com/kviz/kviz/model"
	"github.com/kviz/kviz/render/png"
	"github.com/kviz/kviz/render/svg"
)

func kindsCmd(e *env) *cobra.Command {
	var out, theme string
	var scale float64
	c := &cobra.Command{
		Use:   "kinds [-o gallery.svg|gallery.png]",
		Short: "List the kind catalogue, or draw it as a gallery",
		Args:  cobra.NoArgs,
	}
	c.RunE = func(*cobra.Command, []string) error {
		if out == "" {
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "KIND\tDISPLAY NAME\tALIASES")
			for _, k := range model.Kinds {
				fmt.Fprintf(tw, "%s\t%s\t%s\n", k.Name, k.Display, strings.Join(k.Aliases, ", "))
			}
			return tw.Flush()
		}
		sc, err := layouts.Gallery(theme)
		if err != nil {
			return usageError{err}
		}
		var buf bytes.Buffer
		switch ext := strings.ToLower(out[strings.LastIndex(out, ".")+1:]); {
		case ext == "svg" || out == "-":
			err = svg.Encode(&buf, sc)
		case ext == "png":
			err = png.Encode(&buf, sc, scale)
		default:
			return usagef("the gallery is drawn as .svg or .png, not %q", out)
		}
		if err != nil {
			return err
		}
		return e.output(out, buf.Bytes())
	}
	c.Flags().StringVarP(&out, "output", "o", "", "draw the gallery to this .svg or .png file ('-' for SVG on standard output)")
	c.Flags().StringVar(&theme, "theme", "kubernetes", "the gallery's theme")
	c.Flags().Float64Var(&scale, "scale", 1, "PNG pixels per point")
	return c
}
