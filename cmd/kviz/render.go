package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/term"

	"github.com/kviz/kviz/layouts"
	"github.com/kviz/kviz/model"
	"github.com/kviz/kviz/render"
	"github.com/kviz/kviz/render/png"
	"github.com/kviz/kviz/render/svg"
)

// formats maps a format name to its encoder; "dot" is written from the
// model, before layout. Unknown names are refused, never defaulted.
var formats = map[string]func(io.Writer, *render.Scene, renderOpts) error{
	"svg": func(w io.Writer, sc *render.Scene, o renderOpts) error {
		return svg.EncodeWith(w, sc, svg.Options{EmbedFonts: o.fonts.embed})
	},
	"png":  func(w io.Writer, sc *render.Scene, o renderOpts) error { return png.Encode(w, sc, o.scale) },
	"json": func(w io.Writer, sc *render.Scene, _ renderOpts) error { return render.EncodeJSON(w, sc) },
	"pdf":  nil, // a page a step: see encode in slides.go
	"pptx": nil, // a slide a step: see encode in slides.go
	"dot":  nil,
}

const formatNames = "svg, png, pdf, pptx, json, dot"

// extensions maps output file extensions to formats.
var extensions = map[string]string{".svg": "svg", ".png": "png", ".pdf": "pdf", ".pptx": "pptx", ".json": "json", ".dot": "dot", ".gv": "dot"}

type renderOpts struct {
	output, format string
	layout         layouts.Options
	load           loadOpts
	fonts          fontOpts
	scale          float64
	check, quiet   bool
	slides         slideOpts
	timeout        time.Duration // of one layout; 0: none
	docs           docsOpts
}

// addLoadFlags adds the flags of reading models and manifests.
func addLoadFlags(f *pflag.FlagSet, o *loadOpts) {
	f.IntVar(&o.model.MaxNodes, "max-nodes", 0, "the most nodes a model may have (default 10000)")
	f.IntVar(&o.model.MaxEdges, "max-edges", model.DefaultMaxEdges, "the most edges a model may have, each target counted")
	f.StringArrayVar(&o.manifest.Namespaces, "namespace", nil, "manifests: draw only this namespace (repeatable)")
	f.StringSliceVar(&o.manifest.Kinds, "kinds", nil, "manifests: draw only these kinds (Deployment,svc,...)")
	f.StringSliceVar(&o.manifest.ExcludeKinds, "exclude-kinds", nil, "manifests: leave out these kinds")
	f.BoolVar(&o.manifest.HideOwned, "hide-owned", false, "manifests: fold ReplicaSets, Pods and Jobs into their owners")
	f.BoolVar(&o.manifest.NoInfer, "no-infer", false, "manifests: no inferred edges (calls from env, class-based binds)")
}

func renderCmd(e *env) *cobra.Command {
	var o renderOpts
	c := &cobra.Command{
		Use:   "render FILE|DIR... [-o OUT]",
		Short: "Draw models and manifests as SVG, PNG, PDF, PowerPoint, JSON or DOT",
		Long: `Draw each model, or each file of Kubernetes manifests. With one input, -o
names the output file ('-' for standard output); with several, or a folder,
-o names a folder, and a folder's .yaml files are drawn to the same paths
under it. Without -o, each drawing is written beside its input. The format
comes from -f (several at once: -f svg,png), else from the output's
extension. '-' reads standard input.

--check draws in memory and compares with the files on disk: it exits 1
naming each stale or missing one, and writes nothing. A docs CI job runs it.

In folders, only kviz models and Kubernetes manifests are drawn; other YAML
is passed over (-v says which), as are paths matched by --exclude or a
.kvizignore. Markdown pages (.md, .mdx) have each kviz fence drawn to
PAGE-N or PAGE-ID; --rewrite puts the image in the fence's place. --check
also names orphans: images kviz drew that nothing draws now; --prune
deletes them. --dark-theme writes SVG that follows the reader's dark mode.

For slides: a model's steps (a build, laid out once) are a page each in
PDF and a slide each in PowerPoint; --step N draws one, --steps a file
each. --canvas 16:9 or WxH sizes the page, --font-scale enlarges text.`,
		Example: "  kviz render cluster.yaml -o cluster.svg\n  kviz render docs/diagrams/ -o static/img/ -f svg,png\n  kviz render docs/diagrams/ -o static/img/ --check\n" +
			"  kviz render cluster.yaml -o deck.pptx\n  kviz render cluster.yaml -o hero.png --canvas 1920x1080",
		Args: cobra.MinimumNArgs(1),
	}
	c.RunE = func(cmd *cobra.Command, args []string) error { return e.render(cmd.Context(), args, o) }
	f := c.Flags()
	f.StringVarP(&o.output, "output", "o", "", "output file, folder, or '-' for standard output")
	f.StringVarP(&o.format, "format", "f", "", "svg, png, pdf, pptx, json or dot, or several: svg,png (default: from the output's extension, else svg)")
	f.StringVar(&o.layout.Direction, "direction", "", "override the model's direction: TB, LR, BT or RL")
	f.StringVar(&o.layout.Engine, "layout", "", "override the model's layout: dot, neato, fdp, circo, twopi or osage")
	f.StringVar(&o.layout.Theme, "theme", "", "override the model's theme: kubernetes, light, dark or mono")
	f.StringVar(&o.layout.Background, "background", "", "background: transparent, or a colour such as white or #rrggbb")
	o.layout.Pad = f.Float64("pad", 16, "margin around the drawing, in points")
	f.Float64Var(&o.scale, "scale", 1, "PNG pixels per point: 2 or 3 for slides and high-density screens")
	f.BoolVar(&o.check, "check", false, "compare with the files on disk instead of writing; exit 1 if any is stale or missing")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "no progress on standard error")
	addLoadFlags(f, &o.load)
	addSlideFlags(f, &o)
	addBudgetFlags(f, &o.timeout)
	addDocsFlags(f, &o.docs)
	addFontFlags(f, &o.fonts)
	addEmbedFlag(f, &o.fonts)
	enumCompletion(c, "direction", model.Directions)
	enumCompletion(c, "layout", model.Engines)
	enumCompletion(c, "theme", model.Themes)
	enumCompletion(c, "format", []string{"svg", "png", "pdf", "pptx", "json", "dot"})
	return c
}

// enumCompletion completes a flag's value from a fixed list.
func enumCompletion(c *cobra.Command, flag string, values []string) {
	c.RegisterFlagCompletionFunc(flag, func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return values, cobra.ShellCompDirectiveNoFileComp
	})
}

// output is one file a job writes: the whole diagram, or one step of its
// build (1 on), or every step (PDF and PowerPoint) when step is 0.
type output struct {
	format, path string
	step         int
}

// job is one input and where its drawings go.
type job struct {
	in    string
	outs  []output
	steps []render.Step // the model's build, once draw has loaded it
	root  string        // the folder walked to find in, or ""
	block *block        // a Markdown page's fence; nil for a file
}

func (e *env) render(ctx context.Context, args []string, o renderOpts) error {
	if err := checkOptions(o); err != nil {
		return err
	}
	if err := o.fonts.apply(&o.layout); err != nil {
		return err
	}
	p, err := plan(args, o)
	if err != nil {
		return err
	}
	jobs := p.jobs
	for _, note := range p.notes {
		fmt.Fprintln(e.stderr, note)
	}
	progress := !o.quiet && len(jobs) >= 10 && isTerminal(e.stderr)
	failed, stale := false, 0
	for i := range jobs {
		j := &jobs[i] // draw adds a job's step files to it, for finishDocs
		if err := ctx.Err(); err != nil {
			return err
		}
		if progress {
			fmt.Fprintf(e.stderr, "\r\033[K[%d/%d] %s", i+1, len(jobs), j.in)
		}
		n, err := e.renderOne(ctx, j, o)
		if err != nil {
			if progress {
				fmt.Fprint(e.stderr, "\r\033[K")
			}
			printErr(e.stderr, err)
			failed = true
		}
		stale += n
	}
	if progress {
		fmt.Fprint(e.stderr, "\r\033[K")
	}
	n, err := e.finishDocs(p, o)
	if err != nil {
		printErr(e.stderr, err)
		failed = true
	}
	stale += n
	if failed || stale > 0 {
		return errFailed
	}
	return nil
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
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
	if err := check(l.Engine, model.Engines, "layout"); err != nil {
		return err
	}
	if err := check(l.Theme, model.Themes, "theme"); err != nil {
		return err
	}
	if bg := l.Background; bg != "" && bg != "transparent" && !model.ValidColor(strings.ToLower(bg)) {
		return usagef("bad --background %q: use transparent, a colour name or #rrggbb", bg)
	}
	if l.Pad != nil && *l.Pad < 0 {
		return usagef("--pad must not be negative")
	}
	if o.timeout < 0 {
		return usagef("--timeout must not be negative")
	}
	if o.scale <= 0 || o.scale > 16 {
		return usagef("--scale must be more than 0 and at most 16")
	}
	if o.check && o.output == "-" {
		return usagef("--check compares files; it cannot check standard output")
	}
	return checkSlides(o)
}

// plan decides each input's outputs: which formats, and under which paths
// (beside each input, in one file, in a folder, or on standard output).
func plan(args []string, o renderOpts) (*planned, error) {
	fmts, err := parseFormats(o.format)
	if err != nil {
		return nil, err
	}
	anyDir := slices.ContainsFunc(args, func(in string) bool { return isDir(in) || isPage(in) })
	t := target{output: o.output, toDir: outputIsFolder(o.output, len(args) > 1 || anyDir)}
	if err := checkDocs(args, o); err != nil {
		return nil, err
	}
	if t.fmts, err = t.formats(fmts); err != nil {
		return nil, err
	}
	if o.output == "-" && (len(args) > 1 || anyDir || len(t.fmts) > 1) {
		return nil, usagef("-o - takes one input file and one format")
	}
	p := &planned{formats: t.fmts}
	for _, in := range args {
		if err := p.addInput(in, t, o.docs.walk); err != nil {
			return nil, err
		}
	}
	p.roots = orphanRoots(args, o, t.toDir)
	return p, p.collisions()
}

// parseFormats reads -f: a comma-separated list of known formats; nil for
// none given.
func parseFormats(list string) ([]string, error) {
	if list == "" {
		return nil, nil
	}
	var fmts []string
	for _, f := range strings.Split(list, ",") {
		if _, ok := formats[f]; !ok {
			return nil, usagef("unknown format %q (one of %s)", f, formatNames)
		}
		fmts = append(fmts, f)
	}
	return fmts, nil
}

// outputIsFolder reports whether -o names a folder: it does when there are
// several drawings to write (several inputs, a folder or a page), when it
// is one, or when it ends in a slash. "" (beside each input) and "-"
// (standard output) are not folders.
func outputIsFolder(output string, several bool) bool {
	if output == "" || output == "-" {
		return false
	}
	return several || isDir(output) || strings.HasSuffix(output, "/")
}

// target is where a render's drawings go, as -o and -f decide.
type target struct {
	output string   // -o as given: "", "-", a file or a folder
	toDir  bool     // -o is a folder: drawings go under it at their inputs' paths
	fmts   []string // the formats drawn, at least one
}

// toFile reports whether every drawing goes to the one file (or "-") -o
// names.
func (t target) toFile() bool { return t.output != "" && !t.toDir }

// formats settles the formats drawn: those of -f, else the one -o's
// extension names, else SVG. It refuses a file name for -o where a folder
// is needed, and -f and -o's extension that disagree.
func (t target) formats(fmts []string) ([]string, error) {
	ext := strings.ToLower(filepath.Ext(t.output))
	byExt, known := extensions[ext]
	if t.toDir && known && !isDir(t.output) {
		return nil, usagef("several inputs need a folder for -o, not %q", t.output)
	}
	if t.toFile() && t.output != "-" {
		switch {
		case len(fmts) > 1:
			return nil, usagef("several formats need a folder for -o, not %q", t.output)
		case len(fmts) == 0 && !known:
			return nil, usagef("cannot tell the format of %q from its extension %q: use -f (%s)", t.output, ext, formatNames)
		case len(fmts) == 0:
			return []string{byExt}, nil
		case known && byExt != fmts[0]:
			return nil, usagef("format %s does not match the output %q", fmts[0], t.output)
		}
	}
	if len(fmts) == 0 {
		return []string{"svg"}, nil
	}
	return fmts, nil
}

// outs names the drawings of input in, one a format; rel is its path
// under a folder -o, or beside it without -o.
func (t target) outs(in, rel string) []output {
	var list []output
	for _, f := range t.fmts {
		path := strings.TrimSuffix(rel, filepath.Ext(rel)) + "." + f
		switch {
		case in == "-" && t.output == "":
			path = "-"
		case t.toFile():
			path = t.output
		case t.toDir:
			path = filepath.Join(t.output, path)
		}
		list = append(list, output{format: f, path: path})
	}
	return list
}

// addInput plans the drawings of one command-line input: a folder's
// models, manifests and pages; standard input; or one file, drawn under
// its base name into a folder -o, else at its own path.
func (p *planned) addInput(in string, t target, walk walkOpts) error {
	switch {
	case isDir(in):
		return p.addFolder(in, t, walk)
	case in == "-":
		p.jobs = append(p.jobs, job{in: in, outs: t.outs(in, "stdin")})
		return nil
	case t.toDir:
		return p.add(in, filepath.Base(in), "", isPage(in), t.outs)
	default:
		return p.add(in, in, "", isPage(in), t.outs)
	}
}

// addFolder plans the drawings of the files found in folder dir: under -o
// at their paths inside dir, or beside themselves.
func (p *planned) addFolder(dir string, t target, walk walkOpts) error {
	files, notes, err := walkFolder(dir, walk)
	if err != nil {
		return err
	}
	p.notes = append(p.notes, notes...)
	for _, f := range files {
		rel, _ := filepath.Rel(dir, f.path)
		if !t.toDir {
			rel = f.path // beside the input
		}
		if err := p.add(f.path, rel, dir, f.markdown, t.outs); err != nil {
			return err
		}
	}
	return nil
}

func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

// renderOne draws one input in every format asked into memory, then writes
// each file in one piece, or with --check compares it with the file on
// disk. It returns how many files --check found stale or missing.
func (e *env) renderOne(ctx context.Context, j *job, o renderOpts) (int, error) {
	drawings, _, err := e.draw(ctx, j, o)
	if err != nil {
		return 0, err
	}
	if j.block != nil {
		j.block.ok = true
	}
	if o.check {
		return e.compare(*j, drawings), nil
	}
	if err := ctx.Err(); err != nil {
		return 0, err // a signal came during the layout: write nothing
	}
	return 0, e.write(*j, drawings)
}

// draw makes the drawings of one job, in memory, and returns the scene
// they were drawn from (nil when only DOT was asked for). With --steps it
// first adds to j.outs a file for every step.
func (e *env) draw(ctx context.Context, j *job, o renderOpts) ([][]byte, *render.Scene, error) {
	if err := linkInside(j.root, j.in); err != nil {
		return nil, nil, err
	}
	m, err := e.loadJob(*j, o.load)
	if err != nil {
		return nil, nil, err
	}
	j.steps = layouts.Steps(m)
	if j.outs, err = stepOutputs(j.in, j.outs, len(j.steps), o); err != nil {
		return nil, nil, err
	}
	sc, dot, err := e.layOut(ctx, m, *j, o)
	if err != nil {
		return nil, nil, err
	}
	drawings := make([][]byte, len(j.outs))
	for i, out := range j.outs {
		if out.format == "dot" {
			drawings[i] = dot
			continue
		}
		var buf bytes.Buffer
		if err := e.encodeOut(ctx, &buf, m, j.steps, sc, out, o); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", j.in, err)
		}
		drawings[i] = buf.Bytes()
	}
	return drawings, sc, nil
}

// layOut lays a model out once for all of a job's outputs: the scene when
// some format draws one, the DOT when one is asked for, or both.
func (e *env) layOut(ctx context.Context, m *model.Model, j job, o renderOpts) (sc *render.Scene, dotText []byte, err error) {
	var scene, dot bool
	for _, out := range j.outs {
		dot = dot || out.format == "dot"
		scene = scene || out.format != "dot"
	}
	switch {
	case scene && dot:
		err = e.budgeted(ctx, o, func(ctx context.Context) (err error) {
			sc, dotText, err = layouts.LayoutDOT(ctx, m, o.layout)
			return err
		})
		return sc, dotText, err
	case dot:
		d, err := layouts.DOT(m, o.layout)
		return nil, d, err
	case scene:
		err = e.budgeted(ctx, o, func(ctx context.Context) (err error) {
			sc, err = layouts.Layout(ctx, m, o.layout)
			return err
		})
		return sc, nil, err
	}
	return nil, nil, nil
}

// write writes a job's drawings, making folders as needed.
func (e *env) write(j job, drawings [][]byte) error {
	for i, out := range j.outs {
		if out.path != "-" {
			if err := os.MkdirAll(filepath.Dir(out.path), 0o755); err != nil {
				return err
			}
		}
		if err := e.output(out.path, drawings[i]); err != nil {
			return err
		}
	}
	return nil
}

// compare reports each output whose file is missing or differs.
func (e *env) compare(j job, drawings [][]byte) int {
	stale := 0
	for i, out := range j.outs {
		old, err := os.ReadFile(out.path)
		switch {
		case err != nil:
			fmt.Fprintf(e.stderr, "missing: %s (from %s)\n", out.path, j.in)
			stale++
		case !bytes.Equal(old, drawings[i]):
			fmt.Fprintf(e.stderr, "stale: %s (from %s)\n", out.path, j.in)
			stale++
		}
	}
	return stale
}
