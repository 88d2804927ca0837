package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/spf13/pflag"

	"github.com/kviz/kviz/layouts"
	"github.com/kviz/kviz/model"
)

// docsOpts are the options of drawing for a docs site: which files of a
// folder are read, what is done with images no model draws any more, and
// whether Markdown pages are rewritten.
type docsOpts struct {
	walk      walkOpts
	prune     bool   // delete orphaned images
	rewrite   bool   // replace each kviz fence by its image, keeping the source
	darkTheme string // a second theme the SVG switches to in dark mode
}

func addDocsFlags(f *pflag.FlagSet, o *docsOpts) {
	addWalkFlags(f, &o.walk)
	f.BoolVar(&o.prune, "prune", false, "delete images in the output folder that no model draws any more")
	f.BoolVar(&o.rewrite, "rewrite", false, "Markdown: replace each kviz fence by its image, keeping the source in <details>")
	f.StringVar(&o.darkTheme, "dark-theme", "", "SVG: switch to this `THEME` (dark, light, ...) where the reader's page is dark")
}

func addWalkFlags(f *pflag.FlagSet, o *walkOpts) {
	f.StringArrayVar(&o.exclude, "exclude", nil, "in folders, skip paths matching this gitignore `PATTERN`, relative to the folder (repeatable)")
	f.BoolVarP(&o.verbose, "verbose", "v", false, "say which files of a folder are skipped, and why")
}

// planned is the work of one render: its jobs, notes on the files passed
// over, and the folders whose orphaned images are looked for.
type planned struct {
	jobs    []job
	notes   []string
	formats []string
	roots   []string
}

// collisions refuses two drawings of one path (a.yaml and a.yml, a fence
// id "2" and a page's second fence): the second would overwrite the first.
func (p *planned) collisions() error {
	from := map[string]string{}
	for _, j := range p.jobs {
		if j.block != nil && j.block.dupOf > 0 {
			continue // refused with its position when loaded
		}
		for _, out := range j.outs {
			if out.path == "-" {
				continue
			}
			key := filepath.Clean(out.path)
			if other, dup := from[key]; dup {
				return fmt.Errorf("%s would be drawn twice, from %s and from %s", out.path, other, j.name())
			}
			from[key] = j.name()
		}
	}
	return nil
}

// isPage reports whether a path names a Markdown page.
func isPage(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == ".md" || ext == ".mdx"
}

// checkDocs refuses an unknown --dark-theme, and a file name for -o when a
// page is drawn: its fences each make an image.
func checkDocs(args []string, o renderOpts) error {
	if t := o.docs.darkTheme; t != "" && !slices.Contains(model.Themes, t) {
		return usagef("unknown --dark-theme %q (one of %s)", t, strings.Join(model.Themes, ", "))
	}
	out := o.output
	if _, known := extensions[strings.ToLower(filepath.Ext(out))]; !known || isDir(out) {
		return nil
	}
	for _, in := range args {
		if isPage(in) {
			return usagef("a Markdown page is drawn to one image a fence: -o names a folder, not %q", out)
		}
	}
	return nil
}

// add plans the drawings of one file: a model or manifests, or each kviz
// fence of a page, drawn to NAME-N (or NAME-ID) beside rel.
// root is the folder walked to find in, or "".
func (p *planned) add(in, rel, root string, page bool, outs func(in, rel string) []output) error {
	if !page {
		p.jobs = append(p.jobs, job{in: in, outs: outs(in, rel), root: root})
		return nil
	}
	if err := linkInside(root, in); err != nil {
		return err
	}
	data, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	stem := strings.TrimSuffix(rel, filepath.Ext(rel))
	seen := map[string]int{} // fence id → its first fence's line
	for _, b := range fences(data) {
		b.page = in
		if first, dup := seen[b.id]; dup && b.id != "" {
			b.dupOf = first
		} else {
			seen[b.id] = b.line
		}
		// ".md" stands for the extension outs replaces by the format's.
		p.jobs = append(p.jobs, job{in: in, block: b, root: root, outs: outs(in, stem+"-"+b.name()+".md")})
	}
	return nil
}

// loadJob reads a job's model: its file's, or its fence's.
func (e *env) loadJob(j job, o loadOpts) (*model.Model, error) {
	if j.block == nil {
		return e.load(j.in, o)
	}
	m, err := e.loadBlock(j.block, j.root, o)
	if err == nil {
		j.block.title = m.Title
	}
	return m, err
}

func isNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }

// finishDocs does what comes after drawing: orphaned images, rewritten
// pages. It returns how many files --check found stale.
func (e *env) finishDocs(p *planned, o renderOpts) (int, error) {
	stale := 0
	if o.check || o.docs.prune {
		orphans, err := findOrphans(p)
		if err != nil {
			return 0, err
		}
		for _, path := range orphans {
			if o.check {
				fmt.Fprintf(e.stderr, "orphan: %s (no model draws it)\n", path)
				stale++
				continue
			}
			if err := os.Remove(path); err != nil {
				return stale, err
			}
			if !o.quiet {
				fmt.Fprintf(e.stderr, "pruned: %s (no model draws it)\n", path)
			}
		}
	}
	if o.docs.rewrite {
		n, err := e.rewritePages(p.jobs, o.check)
		return stale + n, err
	}
	return stale, nil
}

// orphanRoots are the folders a render owns: -o when every input is a
// folder or a page, else each input folder whose drawings go beside the
// models. Files named one by one give no root: other runs may write there.
func orphanRoots(args []string, o renderOpts, toDir bool) []string {
	for _, in := range args {
		if !isDir(in) && !isPage(in) {
			return nil
		}
	}
	if toDir {
		return []string{o.output}
	}
	if o.output == "" {
		var roots []string
		for _, in := range args {
			if isDir(in) {
				roots = append(roots, in)
			}
		}
		return roots
	}
	return nil
}

// findOrphans lists the images under the roots that kviz drew (they carry
// its mark) in one of this run's formats, and that no job draws now.
func findOrphans(p *planned) ([]string, error) {
	drawn := map[string]bool{}
	for _, j := range p.jobs {
		for _, out := range j.outs {
			drawn[filepath.Clean(out.path)] = true
		}
	}
	formats := map[string]bool{}
	for _, f := range p.formats {
		formats["."+f] = true
	}
	var orphans []string
	for _, root := range p.roots {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				if isNotExist(err) && path == root {
					return filepath.SkipDir // nothing drawn yet
				}
				return err
			}
			if d.IsDir() {
				if path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules") {
					return filepath.SkipDir
				}
				return nil
			}
			if !formats[strings.ToLower(filepath.Ext(path))] || drawn[filepath.Clean(path)] || !d.Type().IsRegular() {
				return nil
			}
			if kvizMade(path) {
				orphans = append(orphans, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(orphans)
	return orphans, nil
}

// Marks kviz leaves in what it draws, near the start of the file: the SVG
// title's id, and the PNG's "Software" text chunk.
var (
	svgMark = []byte(`id="kviz-title"`)
	pngMark = []byte("tEXtSoftware\x00kviz")
)

// kvizMade reports whether an image carries kviz's mark, so that nothing
// kviz did not draw is ever taken for an orphan.
func kvizMade(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	return bytes.Contains(head, svgMark) || bytes.Contains(head, pngMark)
}

// name is what a job is called on the watch page: its file, and for a
// fence its line too.
func (j job) name() string {
	if j.block != nil {
		return fmt.Sprintf("%s:%d", j.in, j.block.line)
	}
	return j.in
}

// validatePage checks each kviz fence of a page, printing every problem;
// it reports whether all are good.
func (e *env) validatePage(name string, o loadOpts) bool {
	var p planned
	if err := p.add(name, name, "", true, func(string, string) []output { return nil }); err != nil {
		printErr(e.stderr, err)
		return false
	}
	ok := true
	for _, j := range p.jobs {
		m, err := e.loadJob(j, o)
		if err == nil {
			err = layouts.Check(m, layouts.Options{})
		}
		if err != nil {
			printErr(e.stderr, err)
			ok = false
		}
	}
	return ok
}
