package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	"github.com/kviz/kviz/model"
	"github.com/kviz/kviz/render"
	"github.com/kviz/kviz/render/pdf"
	"github.com/kviz/kviz/render/pptx"
	"github.com/kviz/kviz/render/svg"
)

// slideOpts are the options of drawing for slides.
type slideOpts struct {
	canvas string // "", "A:B" or "WxH"
	step   int    // draw this step of the build (1 on); 0 for all
	steps  bool   // a file for every step
}

// addSlideFlags adds the flags of drawing for slides.
func addSlideFlags(f *pflag.FlagSet, ro *renderOpts) {
	o := &ro.slides
	f.Float64Var(&ro.layout.FontScale, "font-scale", 1, "all text this many times larger, boxes re-measured to fit (0.5 to 8)")
	f.IntVar(&o.step, "step", 0, "draw step N of the model's build (its `steps`), in any format")
	f.BoolVar(&o.steps, "steps", false, "draw every step of the build to its own file: NAME-1.svg, NAME-2.svg, ...")
	f.StringVar(&o.canvas, "canvas", "", "page shape or size: 16:9, 4:3 (any A:B), or WxH (pixels for PNG, points otherwise); the diagram is fitted and centred")
}

// canvasSpec is a parsed --canvas: a shape A:B, or a size W × H.
type canvasSpec struct {
	a, b int     // the shape, when ratio
	w, h float64 // the size, otherwise
}

// maxCanvas bounds each side of a --canvas size (pixels or points); PNG's
// own pixel limit still applies.
const maxCanvas = 20000

func parseCanvas(s string) (*canvasSpec, error) {
	if s == "" {
		return nil, nil
	}
	if a, b, ok := strings.Cut(s, ":"); ok {
		x, err1 := strconv.Atoi(a)
		y, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil || x < 1 || y < 1 || x > 100 || y > 100 {
			return nil, usagef("bad --canvas %q: a shape is two whole numbers from 1 to 100, such as 16:9", s)
		}
		return &canvasSpec{a: x, b: y}, nil
	}
	if a, b, ok := strings.Cut(strings.ToLower(s), "x"); ok {
		w, err1 := strconv.ParseFloat(a, 64)
		h, err2 := strconv.ParseFloat(b, 64)
		if err1 == nil && err2 == nil && w >= 1 && h >= 1 && w <= maxCanvas && h <= maxCanvas {
			return &canvasSpec{w: w, h: h}, nil
		}
	}
	return nil, usagef("bad --canvas %q: use a shape such as 16:9 or 4:3, or a size WxH such as 1920x1080 (each side 1 to %d)", s, maxCanvas)
}

// framed returns sc on the page --canvas asks for, for format f: a shape
// is whole pixels at PNG's scale (whole points otherwise), a size is
// pixels for PNG and points for every other format. The scene itself is
// not changed.
func framed(sc *render.Scene, f string, o renderOpts) *render.Scene {
	cs, err := parseCanvas(o.slides.canvas)
	if cs == nil || err != nil {
		return sc
	}
	px := 1.0 // page pixels per point
	if f == "png" {
		px = o.scale
	}
	var fr render.Frame
	if cs.a > 0 {
		fr = render.FitRatio(sc.Width, sc.Height, cs.a, cs.b, px)
	} else {
		fr = render.FitSize(sc.Width, sc.Height, cs.w/px, cs.h/px)
	}
	c := *sc
	c.Frame = &fr
	return &c
}

// checkSlides checks the slide options.
func checkSlides(o renderOpts) error {
	if _, err := parseCanvas(o.slides.canvas); err != nil {
		return err
	}
	switch s := o.slides; {
	case o.layout.FontScale < 0.5 || o.layout.FontScale > 8:
		return usagef("--font-scale must be from 0.5 to 8")
	case s.step < 0:
		return usagef("--step counts from 1")
	case s.step > 0 && s.steps:
		return usagef("--step draws one step and --steps every one: give one of them")
	case s.steps && o.output == "-":
		return usagef("--steps writes a file for every step; it cannot write them to standard output")
	}
	return nil
}

// paged are the formats that hold every step of a build in one file.
var paged = map[string]bool{"pdf": true, "pptx": true}

// stepOutputs sets which step each output draws: the one --step names;
// with --steps, a file of every step for each format that is not paged,
// named NAME-1.EXT, NAME-2.EXT, ...; else the whole diagram, or for a paged
// format every step.
func stepOutputs(in string, outs []output, n int, o renderOpts) ([]output, error) {
	s := o.slides
	switch {
	case s.step > 0 && n == 0:
		return nil, fmt.Errorf("%s: --step %d: the model has no steps", in, s.step)
	case s.step > n:
		return nil, fmt.Errorf("%s: --step %d: the model has %d steps", in, s.step, n)
	case s.steps && n == 0:
		return nil, fmt.Errorf("%s: --steps: the model has no steps", in)
	}
	var list []output
	for _, out := range outs {
		switch {
		case s.step > 0:
			out.step = s.step
		case s.steps && !paged[out.format] && out.format != "dot":
			ext := filepath.Ext(out.path)
			for k := 1; k <= n; k++ {
				list = append(list, output{out.format, fmt.Sprintf("%s-%d%s", out.path[:len(out.path)-len(ext)], k, ext), k})
			}
			continue
		}
		list = append(list, out)
	}
	return list, nil
}

// encodeOut writes one output of a laid-out model: the scene at the
// output's step, or at every step for a paged format, on the page
// --canvas asks for.
func (e *env) encodeOut(ctx context.Context, w io.Writer, m *model.Model, steps []render.Step, sc *render.Scene, out output, o renderOpts) error {
	var step *render.Step
	if out.step > 0 {
		step = &steps[out.step-1]
	}
	if !paged[out.format] {
		view := func(s *render.Scene) *render.Scene {
			if step != nil {
				s = s.At(step)
			}
			return framed(s, out.format, o)
		}
		return e.encode(ctx, w, m, sc, out.format, o, view)
	}
	var slides []pptx.Slide
	at := func(st *render.Step) {
		slides = append(slides, pptx.Slide{Scene: framed(sc.At(st), out.format, o), Title: st.Title, Caption: st.Caption})
	}
	switch {
	case step != nil:
		at(step)
	case len(steps) > 0:
		for i := range steps {
			at(&steps[i])
		}
	default:
		slides = append(slides, pptx.Slide{Scene: framed(sc, out.format, o)})
	}
	if out.format == "pptx" {
		return pptx.Encode(w, slides)
	}
	var pages []pdf.Page
	for _, s := range slides {
		pages = append(pages, pdf.Page{Scene: s.Scene, Title: s.Title})
	}
	return pdf.Encode(w, pages...)
}

// stepFrame is one step of a drawing on the watch page, which pages
// through them with the arrow keys.
type stepFrame struct {
	Title string `json:"title"`
	SVG   string `json:"svg"`
}

// redraw replaces a watched drawing's SVG, and its steps' SVGs, with those
// of sc.
func (d *drawing) redraw(sc *render.Scene, steps []render.Step) error {
	var buf bytes.Buffer
	if err := svg.Encode(&buf, sc); err != nil {
		return err
	}
	frames := make([]stepFrame, len(steps))
	for i := range steps {
		var b bytes.Buffer
		if err := svg.Encode(&b, sc.At(&steps[i])); err != nil {
			return err
		}
		frames[i] = stepFrame{Title: steps[i].Title, SVG: b.String()}
	}
	d.SVG, d.Steps = buf.String(), frames
	return nil
}
