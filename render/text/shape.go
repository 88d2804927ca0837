package text

import (
	"github.com/go-text/typesetting/di"
	gofont "github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/bidi"
)

// Glyph is one shaped glyph: its id in its run's font and its origin on
// the baseline, in points from the line's left end, y down.
type Glyph struct {
	ID      uint32
	X, Y    float64
	Advance float64
	Cluster int // the index, in runes, of the first character it draws
}

// Run is a piece of a line set in one font and one direction.
type Run struct {
	Font   *Font
	Size   float64 // points
	RTL    bool
	X      float64 // the run's left end, points from the line's left end
	Width  float64
	Glyphs []Glyph // left to right
}

// Line is a line of text shaped: its runs in visual order, left to right.
// Width is what layouts reserve for it and what the encoders draw.
type Line struct {
	Width float64
	Runs  []Run
	// Fast is set for text on the fast path: one run of Liberation Sans's
	// nominal glyphs, kerned as golang.org/x/image/font measures and draws
	// them, which is how the PNG encoder draws it.
	Fast bool
}

// Shape sets s in st. A character no font has is set as its first font's
// missing glyph: Check finds those beforehand.
//
// Every encoder draws text from the Line: the PNG fills each glyph's
// outline (Font.Outline) or picture (Font.Picture), the SVG names the
// runs' families or places the outlines; an encoder that embeds fonts
// (PDF) takes Font.Data and Font.Index and places the glyph ids at their
// positions.
func Shape(s string, st Style) Line {
	mu.Lock()
	defer mu.Unlock()
	return shape(s, st)
}

// shape is Shape for a caller holding mu.
func shape(s string, st Style) Line {
	if s == "" {
		return Line{}
	}
	if fast(s, st) {
		return shapeFast(s, st)
	}
	k := shapeKey{s, st.Size, st.Bold, st.Italic, st.Fonts}
	if l, ok := shaped[k]; ok {
		return l
	}
	l := shapeComplex([]rune(s), st)
	if len(shaped) >= maxShaped {
		clear(shaped) // a bound, not an LRU: a diagram's labels fit many times over
	}
	shaped[k] = l
	return l
}

type shapeKey struct {
	s            string
	size         float64
	bold, italic bool
	fonts        *Fonts
}

const maxShaped = 4096

var (
	shaped  = map[shapeKey]Line{}
	shaper  shaping.HarfbuzzShaper
	segment shaping.Segmenter
)

// Plain reports whether s in st takes the fast path: Liberation Sans's
// nominal glyphs, kerned as golang.org/x/image/font draws them (Line.Fast).
func Plain(s string, st Style) bool {
	mu.Lock()
	defer mu.Unlock()
	return fast(s, st)
}

// fast reports whether s can take the fast path: every character in
// Liberation Sans and none needing shaping (no combining marks, no
// right-to-left or complex script). The caller holds mu.
func fast(s string, st Style) bool {
	parseOnce.Do(load)
	lib := liberation[st.index()]
	for _, r := range s {
		if r < 0x80 {
			continue
		}
		if !simpleRune(r) || !lib.has(r) {
			return false
		}
	}
	return true
}

// simpleRune reports whether r belongs to a script set one glyph per
// character, left to right: Latin, Greek, Cyrillic and common symbols.
func simpleRune(r rune) bool {
	switch {
	case r < 0x0300, r >= 0x0370 && r < 0x0483, r >= 0x048a && r < 0x0530:
		return true
	case r >= 0x1e00 && r < 0x2000, r >= 0x2010 && r < 0x2028, r >= 0x2030 && r < 0x205f:
		return true
	case r >= 0x20a0 && r < 0x20c1, r >= 0x2100 && r < 0x2200:
		return true
	}
	return false
}

// shapeFast sets s as golang.org/x/image's font package measures and draws
// it: nominal glyphs, advances and 'kern' pairs of Liberation Sans.
func shapeFast(s string, st Style) Line {
	f := face(Style{Size: st.Size, Bold: st.Bold, Italic: st.Italic}, 1)
	sf := fonts[st.index()]
	var buf sfnt.Buffer
	run := Run{Font: liberation[st.index()], Size: st.Size}
	var x fixed.Int26_6
	prev := rune(-1)
	n := 0
	for _, r := range s {
		if prev >= 0 {
			x += f.Kern(prev, r)
		}
		gid, _ := sf.GlyphIndex(&buf, r)
		adv, _ := f.GlyphAdvance(r)
		run.Glyphs = append(run.Glyphs, Glyph{ID: uint32(gid), X: float64(x) / 64, Advance: float64(adv) / 64, Cluster: n})
		x += adv
		prev = r
		n++
	}
	run.Width = float64(font.MeasureString(f, s)) / 64
	return Line{Width: run.Width, Runs: []Run{run}, Fast: true}
}

// fontmap resolves each character to the first font of a chain that has
// it, or to the chain's first font: the rule CSS font matching follows, so
// a browser given the same font-family list picks the same fonts. (Spaces
// and other characters that change no font stay in the run around them.)
type fontmap struct {
	chain []*Font
}

func (m *fontmap) ResolveFace(r rune) *gofont.Face {
	if f := pick(m.chain, r); f != nil {
		return f.goFace()
	}
	return m.chain[0].goFace()
}

func (m *fontmap) font(face *gofont.Face) *Font {
	for _, f := range m.chain {
		if f.goFace() == face {
			return f
		}
	}
	return m.chain[0]
}

// shapeComplex splits runes by direction, script and font, shapes each
// run and orders the runs for display.
func shapeComplex(runes []rune, st Style) (l Line) {
	defer func() {
		if recover() != nil {
			// A font kviz was given broke the shaper: measure the text as
			// nothing rather than take the process down.
			l = Line{}
		}
	}()
	fm := &fontmap{chain: st.Fonts.chain(st)}
	base := baseDirection(runes)
	in := shaping.Input{Text: runes, RunEnd: len(runes), Direction: base, Face: fm.chain[0].goFace()}
	if lang := st.Fonts.lang(); lang != "" {
		in.Language = language.NewLanguage(lang)
	}
	inputs := segment.Split(in, fm)
	runs := make([]Run, len(inputs))
	dirs := make([]di.Direction, len(inputs))
	for i, in := range inputs {
		f := fm.font(in.Face)
		in.Size = fixed.I(int(f.upem)) // shape in font units: no rounding to a size
		out := shaper.Shape(in)
		k := st.Size / f.upem / 64 // 26.6 font units to points
		r := Run{Font: f, Size: st.Size, RTL: in.Direction.Progression() == di.TowardTopLeft}
		var x float64
		for _, g := range out.Glyphs {
			r.Glyphs = append(r.Glyphs, Glyph{ID: uint32(g.GlyphID),
				X: x + float64(g.XOffset)*k, Y: -float64(g.YOffset) * k, Advance: float64(g.Advance) * k,
				Cluster: g.TextIndex()})
			x += float64(g.Advance) * k
		}
		r.Width = x
		runs[i], dirs[i] = r, in.Direction
	}
	return place(visualOrder(runs, dirs, base))
}

// place lays runs end to end and moves their glyphs onto the line.
func place(runs []Run) Line {
	var l Line
	for i := range runs {
		r := &runs[i]
		r.X = l.Width
		for j := range r.Glyphs {
			r.Glyphs[j].X += r.X
		}
		l.Width += r.Width
	}
	l.Runs = runs
	return l
}

// visualOrder puts runs in display order: as go-text's line wrapper does,
// each stretch of runs against the base direction is reversed, and for a
// right-to-left base the whole line is.
func visualOrder(runs []Run, dirs []di.Direction, base di.Direction) []Run {
	out := append([]Run(nil), runs...)
	start := -1
	flip := func(end int) {
		for i, j := start, end-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
	}
	for i, d := range dirs {
		switch {
		case d != base && start < 0:
			start = i
		case d == base && start >= 0:
			flip(i)
			start = -1
		}
	}
	if start >= 0 {
		flip(len(dirs))
	}
	if base.Progression() == di.TowardTopLeft {
		start = 0
		flip(len(out))
	}
	return out
}

// baseDirection is the paragraph direction by the bidi algorithm's rules
// P2 and P3: that of the first strong character, left to right if none.
func baseDirection(runes []rune) di.Direction {
	if RTL(string(runes)) {
		return di.DirectionRTL
	}
	return di.DirectionLTR
}

func (fs *Fonts) lang() string {
	if fs == nil {
		return ""
	}
	return fs.Lang
}

// RTL reports whether s reads right to left as a paragraph: whether its
// first strong character is right-to-left (Arabic, Hebrew).
func RTL(s string) bool {
	for _, r := range s {
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.L:
			return false
		case bidi.R, bidi.AL:
			return true
		}
	}
	return false
}
