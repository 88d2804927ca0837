package layouts

import (
	"crypto/sha256"
	"fmt"
	"strings"
	"sync"

	"github.com/kviz/kviz/model"
	"github.com/kviz/kviz/render/text"
)

// modelFonts parses the font files m names, puts them before the
// options' fonts, and checks that every text the drawing shows is in one
// of the fonts: a missing character is an error at the text's position,
// never a box drawn in its place.
func modelFonts(m *model.Model, o Options) (*text.Fonts, error) {
	var errs model.ErrorList
	var list []*text.Font
	for _, f := range m.Fonts {
		fs, err := parseCached(f.Path, f.Data)
		if err != nil {
			errs = append(errs, &model.Error{Pos: f.Pos, Msg: fmt.Sprintf("font %q: %v", f.Path, err)})
			continue
		}
		list = append(list, fs...)
	}
	list = append(list, o.Fonts...)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	ts := texts(m)
	fonts := text.NewFonts(m.Lang, list...)
	if o.System != nil {
		var need []rune
		for _, t := range ts {
			need = append(need, fonts.Lacks(t.s)...)
		}
		if len(need) > 0 {
			list = append(list, o.System.Find(need, m.Lang)...)
			fonts = text.NewFonts(m.Lang, list...)
		}
	}
	if len(list) == 0 && m.Lang == "" {
		fonts = nil // the embedded font alone
	}
	return fonts, checkGlyphs(ts, fonts)
}

// Fonts lists the fonts m's texts are drawn with, the embedded one
// included, in fallback order: what a README tells its readers to install
// or what a model should name.
func Fonts(m *model.Model, o Options) ([]*text.Font, error) {
	fonts, err := modelFonts(m, o)
	if err != nil {
		return nil, err
	}
	var all strings.Builder
	for _, t := range texts(m) {
		all.WriteString(t.s)
	}
	seen := map[*text.Font]bool{}
	var out []*text.Font
	for _, st := range []text.Style{labelText, {Size: labelText.Size, Bold: true}} {
		for _, f := range fonts.Used(all.String(), st) {
			if !seen[f] {
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	return out, nil
}

// drawn is a text of the model that the drawing shows, and where the
// model writes it.
type drawn struct {
	pos  model.Pos
	what string
	s    string
}

// texts lists the texts of m that the drawing shows, in source order.
func texts(m *model.Model) []drawn {
	var out []drawn
	add := func(pos model.Pos, what, s string) {
		if s != "" {
			out = append(out, drawn{pos, what, s})
		}
	}
	add(m.TitlePos, "title", m.Title)
	add(m.CaptionPos, "caption", m.Caption)
	m.Walk(func(n *model.Node) { add(n.Pos, fmt.Sprintf("label of %q", n.ID), n.Label) })
	for _, e := range m.Edges {
		add(e.Pos, fmt.Sprintf("label of edge %q → %q", e.From, e.To), e.Label)
		add(e.Pos, fmt.Sprintf("relation of edge %q → %q", e.From, e.To), e.Relation)
	}
	return out
}

// checkGlyphs reports each text holding a character no font has.
func checkGlyphs(ts []drawn, fonts *text.Fonts) error {
	var errs model.ErrorList
	for _, t := range ts {
		if miss := fonts.Check(t.s, labelText); miss != nil {
			errs = append(errs, &model.Error{Pos: t.pos, Msg: fmt.Sprintf("%s: %v", t.what, miss)})
		}
	}
	return errs.Err()
}

// parsed keeps the fonts parsed from each file, so that a folder of
// models naming the same large font parses it once: one version a path,
// checked by a hash of the content, so an edited file replaces its entry
// (a long watch session keeps only the latest), and at most
// maxCachedFontBytes of files in all; past that, fonts are parsed each time.
var parsed struct {
	sync.Mutex
	files map[string]parsedFont
	bytes int
}

type parsedFont struct {
	sum   [sha256.Size]byte
	fonts []*text.Font
	size  int
}

const maxCachedFontBytes = 256 << 20

func parseCached(path string, data []byte) ([]*text.Font, error) {
	sum := sha256.Sum256(data)
	parsed.Lock()
	old, ok := parsed.files[path]
	parsed.Unlock()
	if ok && old.sum == sum {
		return old.fonts, nil
	}
	fs, err := text.Parse(path, data)
	if err != nil {
		return nil, err
	}
	parsed.Lock()
	defer parsed.Unlock()
	if parsed.files == nil {
		parsed.files = map[string]parsedFont{}
	}
	if old, ok := parsed.files[path]; ok {
		parsed.bytes -= old.size
		delete(parsed.files, path)
	}
	if parsed.bytes+len(data) <= maxCachedFontBytes {
		parsed.files[path] = parsedFont{sum, fs, len(data)}
		parsed.bytes += len(data)
	}
	return fs, nil
}

// fontScale is how much larger than the defaults a layout sets its text:
// the model's `style: {font-size}` over the default label size, times
// Options.FontScale. Boxes, wrap widths and the legend's rows are measured
// with the scaled text, so labels still fit.
func fontScale(m *model.Model, o Options) float64 {
	k := 1.0
	if m.Style.FontSize > 0 {
		k = m.Style.FontSize / model.DefaultFontSize
	}
	if o.FontScale > 0 {
		k *= o.FontScale
	}
	return k
}

// font is st at the layout's font scale, set in its fonts.
func (s settings) font(st text.Style) text.Style {
	st.Size *= s.fontScale
	st.Fonts = s.fonts
	return st
}
