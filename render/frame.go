package render

import "math"

// Frame places a scene on a page of another size, for slides: the scene's
// point (x, y) is drawn at (x*Scale+DX, y*Scale+DY) on a page Width ×
// Height points. A scene without a frame is its own page.
type Frame struct {
	Width, Height float64 // the page, in points
	Scale         float64 // page points per scene point
	DX, DY        float64 // where the scene's origin lands, in page points
}

// Page is the frame sc is drawn in: sc.Frame, or the scene itself at
// scale 1.
func (sc *Scene) Page() Frame {
	if sc.Frame != nil {
		return *sc.Frame
	}
	return Frame{Width: sc.Width, Height: sc.Height, Scale: 1}
}

// Apply maps a scene point onto the page.
func (f Frame) Apply(p Point) Point { return Point{p[0]*f.Scale + f.DX, p[1]*f.Scale + f.DY} }

// FitSize is the frame of a page w × h points that holds a scene sw × sh
// points as large as it fits, never cropped, centred.
func FitSize(sw, sh, w, h float64) Frame {
	k := math.Min(w/sw, h/sh)
	return Frame{Width: w, Height: h, Scale: k, DX: (w - sw*k) / 2, DY: (h - sh*k) / 2}
}

// FitRatio is the frame of the smallest page of shape a:b that holds a
// scene sw × sh points at its own size, centred. The page is a whole
// number of a × b blocks of pixels at px pixels per point, so that a
// raster of it has exactly that shape too.
func FitRatio(sw, sh float64, a, b int, px float64) Frame {
	n := math.Ceil(math.Max(sw*px/float64(a), sh*px/float64(b)) - 1e-9)
	w, h := float64(a)*n/px, float64(b)*n/px
	return Frame{Width: w, Height: h, Scale: 1, DX: (w - sw) / 2, DY: (h - sh) / 2}
}
