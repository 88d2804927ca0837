package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/kviz/kviz/layouts"
	"github.com/kviz/kviz/model"
	"github.com/kviz/kviz/render"
	"github.com/kviz/kviz/render/png"
	"github.com/kviz/kviz/render/svg"
)

// formats maps a format name to its encoder; "dot" is written from the
// model, before layout. Unknown names are refused, never defaulted.
var formats = map[string]func(io.Writer, *render.Scene, renderOpts) error{
	"svg":  func(w io.Writer, sc *render.Scene, _ renderOpts) error { return svg.Encode(w, sc) },
	"json": func(w io.Writer, sc *render.Scene, _ renderOpts) error { return render.EncodeJSON(w, sc) },
	"png":  func(w io.Writer, sc *render.Scene, o renderOpts) error { return png.Encode(w, sc, o.scale) },
	"dot":  nil,
}

// extensions maps output file extensions to formats.
var extensions = map[string]string{".svg": "svg", ".png": "png", ".json": "json", ".dot": "dot", ".gv": "dot"}

type renderOpts struct {
	output, format string
	layout         layouts.Options
	load           loadOpts
	scale          float64
}

// addLoadFlags adds the flags of reading models and manifests.
func addLoadFlags(f *pflag.FlagSet, o *loadOpts) {
	f.IntVar(&o.model.MaxNodes, "max-nodes", 0, "the most nodes a model may have (default 10000)")
	f.StringArrayVar(&o.manifest.Namespaces, "namespace", nil, "manifests: draw only this namespace (repeatable)")
	f.StringSliceVar(&o.manifest.Kinds, "kinds", nil, "manifests: draw only these kinds (Deployment,svc,...)")
	f.StringSliceVar(&o.manifest.ExcludeKinds, "exclude-kinds", nil, "manifests: leave out these kinds")
	f.BoolVar(&o.manifest.HideOwned, "hide-owned", false, "manifests: fold ReplicaSets, Pods and Jobs into their owners")
	f.BoolVar(&o.manifest.NoInfer, "no-infer", false, "manifests: no inferred edges (calls from env, class-based binds)")
}

func renderCmd(e *env) *cobra.Command {
	var o renderOpts
	c := &cobra.Command{
		Use:   "render FILE... [-o OUT]",
		Short: "Draw models as SVG, PNG, JSON or DOT",
		Long: `Draw each model, or each file of Kubernetes manifests. With one input, -o
names the output file ('-' for standard output); with several, or a folder,
-o names a folder, and a folder's .yaml files are drawn to the same paths
under it. Without -o, each drawing is written beside its input. The format
comes from -f, else from the output's extension. '-' reads standard input.`,
		Example: "  kviz render cluster.yaml -o cluster.svg\n  kviz render a.yaml b.yaml -o out/ -f json",
		Args:    cobra.MinimumNArgs(1),
	}
	c.RunE = func(cmd *cobra.Command, args []string) error { return e.render(cmd.Context(), args, o) }
	f := c.Flags()
	f.StringVarP(&o.output, "output", "o", "", "output file, folder, or '-' for standard output")
	f.StringVarP(&o.format, "format", "f", "", "svg, png, json or dot (default: from the output's extension, else svg)")
	f.StringVar(&o.layout.Direction, "direction", "", "override the model's direction: TB, LR, BT or RL")
	f.StringVar(&o.layout.Engine, "layout", "", "override the model's layout: dot, neato, fdp, circo, twopi or osage")
	f.StringVar(&o.layout.Theme, "theme", "", "override the model's theme: kubernetes, light, dark or mono")
	f.StringVar(&o.layout.Background, "background", "", "background: transparent, or a colour such as white or #rrggbb")
	f.Float64Var(&o.layout.Pad, "pad", 16, "margin around the drawing, in points")
	f.Float64Var(&o.scale, "scale", 1, "PNG pixels per point: 2 or 3 for slides and high-density screens")
	addLoadFlags(f, &o.load)
	return c
}

// job is one input and where its drawing goes.
type job struct{ in, out string }

func (e *env) render(ctx context.Context, args []string, o renderOpts) error {
	if err := checkOptions(o); err != nil {
		return err
	}
	jobs, format, err := plan(args, o)
	if err != nil {
		return err
	}
	failed := false
	for _, j := range jobs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := e.renderOne(ctx, j, format, o); err != nil {
			printErr(e.stderr, err)
			failed = true
		}
	}
	if failed {
		return errFailed
	}
	return nil
}

func checkOptions(o renderOpts) error {
	check := func(v string, allowed []string, what string) error {
		if v == "" {
			return nil
		}
		for _, a := range allowed {
			if a == v {
				return nil
			}
		}
		return usagef("unknown %s %q (one of %s)", what, v, strings.Join(allowed, ", "))
	}
	l := o.layout
	if err := check(l.Direction, model.Directions, "direction"); err != nil {
		return err
	}
	if err := check(l.Engine, model.Layouts, "layout"); err != nil {
		return err
	}
	if err := check(l.Theme, model.Themes, "theme"); err != nil {
		return err
	}
	if bg := l.Background; bg != "" && bg != "transparent" && !model.ValidColor(strings.ToLower(bg)) {
		return usagef("bad --background %q: use transparent, a colour name or #rrggbb", bg)
	}
	if l.Pad < 0 {
		return usagef("--pad must not be negative")
	}
	if o.scale <= 0 || o.scale > 16 {
		return usagef("--scale must be more than 0 and at most 16")
	}
	return nil
}

// plan decides the format and each input's output path.
func plan(args []string, o renderOpts) ([]job, string, error) {
	format := o.format
	if format != "" {
		if _, ok := formats[format]; !ok {
			return nil, "", usagef("unknown format %q (one of %s)", format, formatNames())
		}
	}
	anyDir := false
	for _, in := range args {
		anyDir = anyDir || isDir(in)
	}
	toDir := o.output != "" && o.output != "-" && (len(args) > 1 || anyDir || isDir(o.output) || strings.HasSuffix(o.output, "/"))
	if o.output != "" && !toDir && o.output != "-" {
		ext := strings.ToLower(filepath.Ext(o.output))
		byExt, known := extensions[ext]
		switch {
		case format == "" && !known:
			return nil, "", usagef("cannot tell the format of %q from its extension %q: use -f (%s)", o.output, ext, formatNames())
		case format == "":
			format = byExt
		case known && byExt != format:
			return nil, "", usagef("format %s does not match the output %q", format, o.output)
		}
	}
	if format == "" {
		format = "svg"
	}
	if o.output == "-" && (len(args) > 1 || anyDir) {
		return nil, "", usagef("-o - takes one input file")
	}
	var jobs []job
	for _, in := range args {
		if isDir(in) {
			files, err := yamlFiles(in)
			if err != nil {
				return nil, "", err
			}
			for _, f := range files {
				rel, _ := filepath.Rel(in, f)
				out := strings.TrimSuffix(f, filepath.Ext(f)) + "." + format
				if toDir {
					out = filepath.Join(o.output, strings.TrimSuffix(rel, filepath.Ext(rel))+"."+format)
				}
				jobs = append(jobs, job{f, out})
			}
			continue
		}
		out := o.output
		base := strings.TrimSuffix(filepath.Base(in), filepath.Ext(in)) + "." + format
		switch {
		case in == "-" && out == "":
			out = "-"
		case in == "-" && toDir:
			out = filepath.Join(o.output, "stdin."+format)
		case toDir:
			out = filepath.Join(o.output, base)
		case out == "":
			out = filepath.Join(filepath.Dir(in), base)
		}
		jobs = append(jobs, job{in, out})
	}
	if toDir {
		if err := os.MkdirAll(o.output, 0o755); err != nil {
			return nil, "", err
		}
	}
	return jobs, format, nil
}

func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

func formatNames() string {
	return "svg, png, json, dot"
}

// renderOne draws one model into memory, then writes it in one piece.
func (e *env) renderOne(ctx context.Context, j job, format string, o renderOpts) error {
	m, err := e.load(j.in, o.load)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if format == "dot" {
		dot, err := layouts.DOT(m, o.layout)
		if err != nil {
			return err
		}
		buf.Write(dot)
	} else {
		sc, err := layouts.Layout(ctx, m, o.layout)
		if err != nil {
			return err
		}
		if err := formats[format](&buf, sc, o); err != nil {
			return fmt.Errorf("%s: %w", j.in, err)
		}
	}
	if j.out != "-" {
		if err := os.MkdirAll(filepath.Dir(j.out), 0o755); err != nil {
			return err
		}
	}
	return e.output(j.out, buf.Bytes())
}
