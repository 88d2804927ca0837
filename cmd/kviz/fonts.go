package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/kviz/kviz/layouts"
	"github.com/kviz/kviz/render/text"
)

// fontOpts are the flags that add fonts to the embedded one.
type fontOpts struct {
	files  []string // --font, in order
	dirs   []string // --font-dir: scanned instead of the standard folders
	system bool     // --system-fonts
	embed  bool     // --embed-fonts
}

func addFontFlags(f *pflag.FlagSet, o *fontOpts) {
	f.StringArrayVar(&o.files, "font", nil, "a TTF, OTF or TTC font for characters the model's fonts lack (repeatable)")
	f.StringArrayVar(&o.dirs, "font-dir", nil, "look for system fonts in this folder instead of the standard ones (repeatable)")
	f.BoolVar(&o.system, "system-fonts", true, "fall back on the machine's fonts for characters no named font has")
}

// addEmbedFlag adds --embed-fonts, which only SVG output reads.
func addEmbedFlag(f *pflag.FlagSet, o *fontOpts) {
	f.BoolVar(&o.embed, "embed-fonts", false, "SVG: draw text with the outlines of the glyphs used, the same in every browser")
}

// apply reads the --font files and sets the layout's fonts.
func (o fontOpts) apply(l *layouts.Options) error {
	for _, path := range o.files {
		fonts, err := readFont(path)
		if err != nil {
			return err
		}
		l.Fonts = append(l.Fonts, fonts...)
	}
	if o.system {
		l.System = systemFonts(o.dirs)
	}
	return nil
}

func readFont(path string) ([]*text.Font, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("--font: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, text.MaxFontBytes+1))
	if err != nil {
		return nil, fmt.Errorf("--font %s: %w", path, err)
	}
	fonts, err := text.Parse(path, data)
	if err != nil {
		return nil, fmt.Errorf("--font %s: %w", path, err)
	}
	return fonts, nil
}

// systems keeps one scan of each folder list for the process: watch and
// folder renders scan once.
var systems = struct {
	sync.Mutex
	m map[string]*text.System
}{m: map[string]*text.System{}}

func systemFonts(dirs []string) *text.System {
	systems.Lock()
	defer systems.Unlock()
	key := strings.Join(dirs, "\x00")
	if s, ok := systems.m[key]; ok {
		return s
	}
	s := text.NewSystem(dirs)
	if dir, err := os.UserCacheDir(); err == nil {
		s.Cache = filepath.Join(dir, "kviz", "fonts.json") // the next run skips reading every font
	}
	systems.m[key] = s
	return s
}

func fontsCmd(e *env) *cobra.Command {
	var o fontOpts
	var load loadOpts
	c := &cobra.Command{
		Use:   "fonts [MODEL...]",
		Short: "List the fonts kviz draws with, and which each model uses",
		Long: `List the embedded font, the --font files and the system fonts kviz found.
With models, list the fonts each one names and the fonts its texts are
drawn with: name those in the model (fonts:) to draw the same everywhere.`,
		RunE: func(cmd *cobra.Command, args []string) error { return e.fonts(args, o, load) },
	}
	addFontFlags(c.Flags(), &o)
	addLoadFlags(c.Flags(), &load)
	return c
}

func (e *env) fonts(args []string, o fontOpts, load loadOpts) error {
	var l layouts.Options
	if err := o.apply(&l); err != nil {
		return err
	}
	w := e.stdout
	fmt.Fprintln(w, "embedded: Liberation Sans (regular, bold, italic, bold italic)")
	for _, f := range l.Fonts {
		fmt.Fprintf(w, "--font: %s: %s\n", fontFile(f), f.Family)
	}
	if l.System == nil {
		fmt.Fprintln(w, "system fonts: off (--system-fonts=false)")
	} else {
		fams, files := l.System.Families()
		fmt.Fprintf(w, "system fonts: %d faces in %d families under %s\n", l.System.Faces(), len(fams), strings.Join(l.System.Dirs, ", "))
		for i, fam := range fams {
			fmt.Fprintf(w, "  %s (%s)\n", fam, files[i])
		}
	}
	failed := false
	for _, path := range args {
		if err := e.modelFonts(path, l, load); err != nil {
			printErr(e.stderr, err)
			failed = true
		}
	}
	if failed {
		return errFailed
	}
	return nil
}

// modelFonts lists the fonts a model's texts are drawn with.
func (e *env) modelFonts(path string, l layouts.Options, load loadOpts) error {
	m, err := e.load(path, load)
	if err != nil {
		return err
	}
	used, err := layouts.Fonts(m, l)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s:\n", path)
	for _, f := range m.Fonts {
		fmt.Fprintf(e.stdout, "  names %s\n", f.Path)
	}
	for _, f := range used {
		style := ""
		if f.Bold {
			style = " bold"
		}
		fmt.Fprintf(e.stdout, "  draws with %s%s (%s)\n", f.Family, style, fontFile(f))
	}
	return nil
}

// fontFile names a font's file, and its face in a collection.
func fontFile(f *text.Font) string {
	switch {
	case f.Path == "":
		return "embedded"
	case f.Index > 0:
		return fmt.Sprintf("%s, face %d", f.Path, f.Index)
	}
	return f.Path
}
