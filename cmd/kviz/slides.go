package main

import (
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	"github.com/kviz/kviz/render"
)

// slideOpts are the options of drawing for slides.
type slideOpts struct {
	canvas string // "", "A:B" or "WxH"
}

// addSlideFlags adds the flags of drawing for slides.
func addSlideFlags(f *pflag.FlagSet, o *slideOpts) {
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
	return nil
}
