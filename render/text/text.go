// Package text measures and shapes kviz's text. Liberation Sans 2
// (metric-compatible with Arial and Helvetica) is embedded in the binary
// and comes first; characters it lacks (CJK, Arabic, Devanagari, emoji)
// fall back to the fonts a model or the command line names (a Fonts).
// Layouts measure labels here and the encoders draw the same shaped glyphs,
// so text fits its box in every output. All lengths are in points.
//
// Text that Liberation Sans covers and that needs no shaping (Latin,
// Greek, Cyrillic) takes a fast path through golang.org/x/image's font
// package; anything else is split into runs by direction, script and
// font, shaped with go-text/typesetting (a HarfBuzz port) and ordered by
// the Unicode bidi algorithm.
package text

import (
	"strings"
	"sync"
	"unicode"

	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
)

// Family is the CSS font-family stack that names the embedded font first.
const Family = "'Liberation Sans', Arial, Helvetica, sans-serif"

// LineHeight is the distance between baselines, as a multiple of the size.
const LineHeight = 1.2

// Style selects a face and its size in points.
type Style struct {
	Size   float64
	Bold   bool
	Italic bool
	Fonts  *Fonts // the fallback fonts after Liberation Sans; nil for none
}

func (s Style) index() int {
	i := 0
	if s.Bold {
		i |= 1
	}
	if s.Italic {
		i |= 2
	}
	return i
}

var (
	fonts [4]*sfnt.Font // Liberation Sans for the fast path

	mu    sync.Mutex // guards faces: an opentype face is not safe for concurrent use
	faces = map[faceKey]font.Face{}
)

type faceKey struct {
	size         float64
	bold, italic bool
	scale        float64
}

func load() {
	for i, ttf := range [][]byte{
		liberationsansregular.TTF, liberationsansbold.TTF,
		liberationsansitalic.TTF, liberationsansbolditalic.TTF,
	} {
		f, err := opentype.Parse(ttf)
		if err != nil {
			panic("text: embedded font is broken: " + err.Error()) // cannot happen: the bytes are compiled in
		}
		fonts[i] = f
		liberation[i] = &Font{Family: "Liberation Sans", Data: ttf, sf: f,
			Bold: i&1 != 0, Italic: i&2 != 0, upem: float64(f.UnitsPerEm())}
	}
}

// face returns the cached face for the style at scale pixels per point.
// The caller holds mu.
func face(s Style, scale float64) font.Face {
	parseOnce.Do(load)
	k := faceKey{s.Size, s.Bold, s.Italic, scale}
	if f, ok := faces[k]; ok {
		return f
	}
	f, err := opentype.NewFace(fonts[s.index()], &opentype.FaceOptions{
		Size: s.Size * scale, DPI: 72, Hinting: font.HintingNone,
	})
	if err != nil {
		panic("text: " + err.Error()) // only for a zero or negative size, which callers never pass
	}
	faces[k] = f
	return f
}

// Width is how wide s measures, shaped and kerned, in points.
func Width(s string, st Style) float64 {
	mu.Lock()
	defer mu.Unlock()
	if fast(s, st) {
		return float64(font.MeasureString(face(st, 1), s)) / 64
	}
	return shape(s, st).Width
}

// Block is the size of lines set in st: the widest line's width and the
// height of all lines at LineHeight.
func Block(lines []string, st Style) (w, h float64) {
	for _, l := range lines {
		w = max(w, Width(l, st))
	}
	return w, float64(len(lines)) * st.Size * LineHeight
}

// Wrap splits s at its newlines, then breaks each line where it may so
// that it fits maxWidth points where it can. Text on the fast path breaks
// at spaces; any other text where Unicode's line breaking (UAX #14) allows,
// which is between any two CJK characters too. A piece wider than maxWidth
// stays whole on its own line: the box grows instead.
func Wrap(s string, st Style, maxWidth float64) []string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		mu.Lock()
		simple := fast(para, st)
		mu.Unlock()
		var pieces []string
		if simple {
			pieces = strings.Fields(para)
		} else {
			pieces = breaks(para)
		}
		if len(pieces) == 0 {
			out = append(out, "")
			continue
		}
		join := func(a, b string) string {
			if simple {
				return a + " " + b
			}
			return a + b
		}
		line := pieces[0]
		for _, w := range pieces[1:] {
			if Width(strings.TrimRightFunc(join(line, w), unicode.IsSpace), st) <= maxWidth {
				line = join(line, w)
				continue
			}
			out = append(out, strings.TrimRightFunc(line, unicode.IsSpace))
			line = w
		}
		out = append(out, strings.TrimRightFunc(line, unicode.IsSpace))
	}
	return out
}

// WithFace runs f with the face for st at scale pixels per point, holding
// the lock that makes the face safe to use.
func WithFace(st Style, scale float64, f func(font.Face)) {
	mu.Lock()
	defer mu.Unlock()
	f(face(st, scale))
}

// Baseline is how far below the top of a line box, LineHeight tall, its
// baseline lies: the font's ascent plus half the leading.
func Baseline(st Style) float64 {
	mu.Lock()
	defer mu.Unlock()
	m := face(st, 1).Metrics()
	asc, desc := float64(m.Ascent)/64, float64(m.Descent)/64
	return (st.Size*LineHeight-asc-desc)/2 + asc
}
