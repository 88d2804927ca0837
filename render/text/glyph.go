package text

import (
	"bytes"
	"image"
	"image/png"

	gofont "github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
)

// Segment is a piece of a glyph's outline: Op is 'M' (move), 'L' (line),
// 'Q' (quadratic Bézier) or 'C' (cubic Bézier), with 1, 1, 2 or 3 points.
// Points are in points, relative to the glyph's origin, y down.
type Segment struct {
	Op  byte
	Pts [3][2]float64
}

// Outline is glyph id's outline at size points, or nil for a glyph drawn
// as a picture or as nothing (a space).
func (f *Font) Outline(id uint32, size float64) (out []Segment) {
	mu.Lock()
	defer mu.Unlock()
	defer func() {
		if recover() != nil {
			out = nil // a broken glyph in a named font is drawn as nothing
		}
	}()
	o, ok := f.goFace().GlyphDataOutline(gofont.GID(id))
	if !ok {
		return nil
	}
	k := size / f.upem
	ops := map[ot.SegmentOp]byte{ot.SegmentOpMoveTo: 'M', ot.SegmentOpLineTo: 'L', ot.SegmentOpQuadTo: 'Q', ot.SegmentOpCubeTo: 'C'}
	for _, s := range o.Segments {
		seg := Segment{Op: ops[s.Op]}
		for i, p := range s.ArgsSlice() {
			seg.Pts[i] = [2]float64{float64(p.X) * k, -float64(p.Y) * k}
		}
		out = append(out, seg)
	}
	return out
}

// Picture is a colour glyph's picture (an emoji in a CBDT or sbix font)
// and the box it fills at size points: X, Y is its top-left corner from the
// glyph's origin, y down. ok is false for an outline glyph.
func (f *Font) Picture(id uint32, size float64) (img image.Image, x, y, w, h float64, ok bool) {
	mu.Lock()
	defer mu.Unlock()
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	bm, found := f.goFace().GlyphDataBitmap(gofont.GID(id))
	if !found || bm.Format != gofont.PNG {
		return nil, 0, 0, 0, 0, false
	}
	img, err := png.Decode(bytes.NewReader(bm.Data))
	if err != nil {
		return nil, 0, 0, 0, 0, false
	}
	ext, found := f.goFace().GlyphExtents(gofont.GID(id))
	if !found || ext.Width <= 0 || ext.Height >= 0 {
		return nil, 0, 0, 0, 0, false
	}
	k := size / f.upem
	return img, float64(ext.XBearing) * k, -float64(ext.YBearing) * k, float64(ext.Width) * k, -float64(ext.Height) * k, true
}
