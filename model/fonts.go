package model

import (
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// FontFile is a font file a model names (`fonts:`), read by the loader;
// package render/text parses it when the model is laid out.
type FontFile struct {
	Path string // as written, relative to the model's folder
	Data []byte
	Pos  Pos // where the model names it
}

// fontExts are the font files kviz reads: TrueType, OpenType and their
// collections.
var fontExts = []string{".ttf", ".otf", ".ttc", ".otc"}

// fonts reads `fonts`: a list of font files in the model's folder, read
// through Options.ReadFont.
func (d *decoder) fonts(v *yaml.Node) []*FontFile {
	var out []*FontFile
	seen := map[string]bool{}
	d.seq(v, "fonts", func(item *yaml.Node) {
		s, ok := d.str(item, "a font")
		if !ok {
			return
		}
		ext := strings.ToLower(filepath.Ext(s))
		switch {
		case !slices.Contains(fontExts, ext):
			d.errorf(item, "font %q: give a .ttf, .otf or .ttc file", s)
		case d.readFont == nil:
			d.errorf(item, "font %q: font files need the model to be read from a file (or use --font)", s)
		case path.IsAbs(filepath.ToSlash(s)) || filepath.IsAbs(s):
			d.errorf(item, "font %q must be a path relative to the model's folder", s)
		case seen[s]:
			d.errorf(item, "font %q is named twice", s)
		default:
			seen[s] = true
			data, err := d.readFont(s)
			if err != nil {
				d.errorf(item, "font %q: %v", s, err)
				return
			}
			out = append(out, &FontFile{Path: s, Data: data, Pos: d.pos(item)})
		}
	})
	return out
}

// langPattern is a BCP 47 language tag's shape: a language, then subtags
// (script, region, variants) of letters and digits.
var langPattern = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$`)

// Langs are the tags the README suggests; any BCP 47 tag is accepted.
var Langs = []string{"zh-Hans", "zh-Hant", "ja", "ko", "ar", "hi", "ru", "el", "en"}

// lang reads `lang`: the language of the model's text.
func (d *decoder) lang(v *yaml.Node) string {
	s, ok := d.str(v, "lang")
	if !ok {
		return ""
	}
	if !langPattern.MatchString(s) {
		d.errorf(v, "lang %q is not a language tag such as zh-Hans, ja, ko or ar", s)
		return ""
	}
	return s
}
