package layouts

import (
	"crypto/sha256"
	"fmt"
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
	var fonts *text.Fonts
	if len(list) > 0 || m.Lang != "" {
		fonts = text.NewFonts(m.Lang, list...)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return fonts, checkGlyphs(m, fonts)
}

// checkGlyphs reports each text of m holding a character no font has.
func checkGlyphs(m *model.Model, fonts *text.Fonts) error {
	var errs model.ErrorList
	check := func(pos model.Pos, what, s string) {
		if s == "" {
			return
		}
		if miss := fonts.Check(s, labelText); miss != nil {
			errs = append(errs, &model.Error{Pos: pos, Msg: fmt.Sprintf("%s: %v", what, miss)})
		}
	}
	check(m.TitlePos, "title", m.Title)
	check(m.CaptionPos, "caption", m.Caption)
	m.Walk(func(n *model.Node) { check(n.Pos, fmt.Sprintf("label of %q", n.ID), n.Label) })
	for _, e := range m.Edges {
		check(e.Pos, fmt.Sprintf("label of edge %q → %q", e.From, e.To), e.Label)
		check(e.Pos, fmt.Sprintf("relation of edge %q → %q", e.From, e.To), e.Relation)
	}
	return errs.Err()
}

// parsed keeps the fonts parsed from each file's bytes, so that a folder of
// models naming the same large font parses it once. Keyed by path and a
// hash of the content: an edited file never hits a stale entry.
var parsed sync.Map // fontKey -> []*text.Font

type fontKey struct {
	path string
	sum  [sha256.Size]byte
}

// maxCachedFonts bounds the cache; past it, fonts are parsed each time.
const maxCachedFonts = 64

var cachedFonts struct {
	sync.Mutex
	n int
}

func parseCached(path string, data []byte) ([]*text.Font, error) {
	k := fontKey{path, sha256.Sum256(data)}
	if v, ok := parsed.Load(k); ok {
		return v.([]*text.Font), nil
	}
	fs, err := text.Parse(path, data)
	if err != nil {
		return nil, err
	}
	cachedFonts.Lock()
	defer cachedFonts.Unlock()
	if cachedFonts.n < maxCachedFonts {
		parsed.Store(k, fs)
		cachedFonts.n++
	}
	return fs, nil
}
