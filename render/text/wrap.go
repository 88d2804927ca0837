package text

import (
	"strings"
	"unicode"

	"github.com/go-text/typesetting/segmenter"
)

// breaks cuts s at its line break opportunities by UAX #14: each piece
// keeps the spaces after it, so the pieces joined are s again.
func breaks(s string) []string {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if s == "" {
		return nil
	}
	var seg segmenter.Segmenter
	seg.Init([]rune(s))
	var out []string
	for it := seg.LineIterator(); it.Next(); {
		out = append(out, string(it.Line().Text))
	}
	return out
}
