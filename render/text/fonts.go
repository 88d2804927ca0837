package text

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	gofont "github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/font/opentype"
	"golang.org/x/image/font/sfnt"
)

// Font is one face of a font file: a TTF or OTF, or one member of a TTC
// collection. It is safe to share; its go-text face is used only under mu.
type Font struct {
	Family string // the family name the font gives itself, as CSS names it
	Path   string // the file as named; "" for the embedded Liberation Sans
	Index  int    // the face's index in a collection; 0 for a single font
	Data   []byte // the whole file, for embedding and for other encoders
	Bold   bool   // weight 600 or more
	Italic bool
	Emoji  bool // has bitmap glyphs (CBDT or sbix), drawn as pictures where it has no outline

	face *gofont.Face // nil for the embedded fonts until first needed: see goFace
	sf   *sfnt.Font   // the embedded fonts' fast-path face, for has; nil otherwise
	upem float64
}

// goFace is the font's go-text face, parsed on first use for the embedded
// fonts: parsing reads every outline (about 6 ms for the four faces), which
// text that takes the fast path never needs. The caller holds mu.
func (f *Font) goFace() *gofont.Face {
	if f.face == nil {
		face, err := gofont.ParseTTF(bytes.NewReader(f.Data))
		if err != nil {
			panic("text: embedded font is broken: " + err.Error()) // cannot happen: the bytes are compiled in
		}
		f.face = face
	}
	return f.face
}

// Upem is the font's units per em.
func (f *Font) Upem() float64 { return f.upem }

// Has reports whether the font maps r to a glyph.
func (f *Font) Has(r rune) bool {
	mu.Lock()
	defer mu.Unlock()
	return f.has(r)
}

// has is Has for a caller holding mu.
func (f *Font) has(r rune) bool {
	if f.sf != nil {
		id, err := f.sf.GlyphIndex(&sfntBuf, r)
		return err == nil && id != 0
	}
	_, ok := f.face.NominalGlyph(r)
	return ok
}

// sfntBuf is the embedded fonts' lookup buffer; guarded by mu.
var sfntBuf sfnt.Buffer

// MaxFontBytes bounds a font file: the largest CJK collections are about
// 30 MiB.
const MaxFontBytes = 64 << 20

// Parse reads every face of a font file (TTF, OTF or TTC). path is how the
// file is named in messages and in Font.Path. A broken or hostile file is
// an error, never a panic.
func Parse(path string, data []byte) (fonts []*Font, err error) {
	if len(data) > MaxFontBytes {
		return nil, fmt.Errorf("larger than %d MiB", MaxFontBytes>>20)
	}
	defer func() {
		// go-text reads tables lazily and defensively, but a parser of
		// untrusted bytes must not take kviz down with it.
		if r := recover(); r != nil {
			fonts, err = nil, fmt.Errorf("not a font kviz can read (%v)", r)
		}
	}()
	var faces []*gofont.Face
	if bytes.HasPrefix(data, []byte("ttcf")) {
		faces, err = gofont.ParseTTC(bytes.NewReader(data))
	} else {
		var f *gofont.Face
		f, err = gofont.ParseTTF(bytes.NewReader(data))
		faces = []*gofont.Face{f}
	}
	if err != nil {
		return nil, fmt.Errorf("not a TTF, OTF or TTC font kviz can read: %v", err)
	}
	for i, face := range faces {
		fonts = append(fonts, newFont(path, i, data, face))
	}
	if len(fonts) == 0 {
		return nil, errors.New("the collection holds no font")
	}
	return fonts, nil
}

func newFont(path string, index int, data []byte, face *gofont.Face) *Font {
	d := face.Describe()
	f := &Font{Family: d.Family, Path: path, Index: index, Data: data, face: face,
		Bold: d.Aspect.Weight >= 600, Italic: d.Aspect.Style == gofont.StyleItalic,
		upem: float64(face.Upem())}
	if f.upem <= 0 {
		f.upem = 1000
	}
	f.Emoji = len(face.Font.BitmapSizes()) > 0
	return f
}

// Fonts is the ordered list of fonts text is set in: each character is
// drawn with the first font that has it, the embedded Liberation Sans
// first. The zero value and nil hold Liberation Sans alone. A Fonts is not
// modified once made and is safe for concurrent use.
type Fonts struct {
	extra []*Font // after Liberation Sans, in the order named
	// Lang is the language the text is in (BCP 47: zh-Hans, ja, ...), ""
	// when not known; it picks the regional forms of Han characters.
	Lang string
}

// NewFonts is the fallback list: Liberation Sans, then fonts in order.
func NewFonts(lang string, fonts ...*Font) *Fonts {
	return &Fonts{extra: fonts, Lang: lang}
}

// Extra lists the fonts after Liberation Sans, in fallback order.
func (fs *Fonts) Extra() []*Font {
	if fs == nil {
		return nil
	}
	return fs.extra
}

// Embedded lists Liberation Sans's four faces: regular, bold, italic and
// bold italic.
func Embedded() []*Font {
	parseOnce.Do(load)
	return liberation[:]
}

// chain is the fallback list for a style: Liberation Sans in the style
// first, then each extra family in order (those matching Lang's Han forms
// first), its face nearest the style first.
func (fs *Fonts) chain(st Style) []*Font {
	parseOnce.Do(load)
	out := []*Font{liberation[st.index()]}
	extra := fs.Extra()
	if len(extra) == 0 {
		return out
	}
	fit := func(f *Font) int { // lower is nearer the style
		d := 0
		if f.Bold != st.Bold {
			d += 2
		}
		if f.Italic != st.Italic {
			d++
		}
		return d
	}
	// Group by family, families in the order first named.
	var order []string
	by := map[string][]*Font{}
	for _, f := range extra {
		if _, ok := by[f.Family]; !ok {
			order = append(order, f.Family)
		}
		by[f.Family] = append(by[f.Family], f)
	}
	if lang := fs.Lang; lang != "" {
		// The families drawing Han characters as lang writes them come
		// first: a model naming SC and JP fonts in lang ja gets Japanese
		// forms, in PNG and, by the same order, in the SVG's font list.
		sort.SliceStable(order, func(i, j int) bool {
			return hanRegion(strings.ToLower(order[i]), lang) && !hanRegion(strings.ToLower(order[j]), lang)
		})
	}
	for _, fam := range order {
		list := append([]*Font(nil), by[fam]...)
		sort.SliceStable(list, func(i, j int) bool { return fit(list[i]) < fit(list[j]) })
		out = append(out, list...)
	}
	return out
}

// pick returns the first font of chain that has r, or nil.
func pick(chain []*Font, r rune) *Font {
	for _, f := range chain {
		if f.has(r) {
			return f
		}
	}
	return nil
}

// Missing is a character of a text that no font has.
type Missing struct {
	Rune   rune
	Offset int // in bytes, in the text
}

// Error names the character, its code point and how to add a font.
func (m *Missing) Error() string {
	return fmt.Sprintf("character %q (%U) is in none of the fonts kviz has: name a font that has it with `fonts: [FILE]` in the model or --font FILE (kviz fonts lists the fonts found)", m.Rune, m.Rune)
}

// Check reports the first character of s that no font in fs has, or nil.
// Controls, format characters and variation selectors need no glyph.
func (fs *Fonts) Check(s string, st Style) *Missing {
	chain := fs.chain(st)
	mu.Lock()
	defer mu.Unlock()
	for i, r := range s {
		if ignorable(r) {
			continue
		}
		if pick(chain, r) == nil {
			return &Missing{Rune: r, Offset: i}
		}
	}
	return nil
}

// Lacks lists the characters of s that no font in fs has, each once, in
// the order they come.
func (fs *Fonts) Lacks(s string) []rune {
	chain := fs.chain(Style{})
	mu.Lock()
	defer mu.Unlock()
	var out []rune
	seen := map[rune]bool{}
	for _, r := range s {
		if !ignorable(r) && !seen[r] && pick(chain, r) == nil {
			seen[r] = true
			out = append(out, r)
		}
	}
	return out
}

// ignorable reports whether r is drawn as nothing: a control, a joiner,
// a bidi mark or a variation selector.
func ignorable(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
		return true
	case r == 0xad, r >= 0x200b && r <= 0x200f, r >= 0x202a && r <= 0x202e,
		r >= 0x2060 && r <= 0x206f, r == 0xfeff:
		return true
	case r >= 0xfe00 && r <= 0xfe0f, r >= 0xe0100 && r <= 0xe01ef, r >= 0xe0000 && r <= 0xe007f:
		return true
	}
	return false
}

// Used lists the fonts that setting s in st draws with, in fallback order.
func (fs *Fonts) Used(s string, st Style) []*Font {
	chain := fs.chain(st)
	mu.Lock()
	defer mu.Unlock()
	seen := map[*Font]bool{}
	for _, r := range s {
		if f := pick(chain, r); f != nil && !ignorable(r) {
			seen[f] = true
		}
	}
	var out []*Font
	for _, f := range chain {
		if seen[f] {
			out = append(out, f)
		}
	}
	return out
}

// CSSFamily is the CSS font-family list for text drawn with fonts: each
// family once, quoted, Liberation Sans's stand-ins after it, then the
// generic sans-serif.
func CSSFamily(fonts []*Font) string {
	var names []string
	seen := map[string]bool{}
	for _, f := range fonts {
		if f.Path == "" || seen[f.Family] {
			continue
		}
		seen[f.Family] = true
		names = append(names, "'"+strings.NewReplacer(`'`, ``, `\`, ``).Replace(f.Family)+"'")
	}
	if len(names) == 0 {
		return Family
	}
	return "'Liberation Sans', Arial, Helvetica, " + strings.Join(names, ", ") + ", sans-serif"
}

var (
	parseOnce  sync.Once
	liberation [4]*Font // regular, bold, italic, bold italic
)

var _ opentype.Resource = (*bytes.Reader)(nil)

// Styled is a text and the style it is set in.
type Styled struct {
	S     string
	Style Style // its Fonts are not read
}

// Subset is fs with only the fonts that set some character of ts, and
// fs's Lang; nil when that leaves neither a font nor a language. Every
// character of ts resolves to the same font in the subset as in fs, so
// the subset draws ts to the same bytes: chain puts families in the order
// their first font comes, so the kept fonts are listed family by family in
// fs's family order (a family whose first font goes keeps its place), and
// each family's in fs's order. Ignorable characters count too, as the
// shaper resolves them to a font like any other.
func (fs *Fonts) Subset(ts []Styled) *Fonts {
	if fs == nil {
		return nil
	}
	keep := map[*Font]bool{}
	mu.Lock()
	defer mu.Unlock()
	for _, t := range ts {
		chain := fs.chain(t.Style)
		for _, r := range t.S {
			if f := pick(chain, r); f != nil {
				keep[f] = true
			}
		}
	}
	var families []string
	for _, f := range fs.extra {
		if !slices.Contains(families, f.Family) {
			families = append(families, f.Family)
		}
	}
	var list []*Font
	for _, fam := range families {
		for _, f := range fs.extra {
			if f.Family == fam && keep[f] {
				list = append(list, f)
			}
		}
	}
	if len(list) == 0 && fs.Lang == "" {
		return nil
	}
	return NewFonts(fs.Lang, list...)
}
