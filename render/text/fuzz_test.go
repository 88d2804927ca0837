package text

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse feeds font files kviz did not make, as a model's fonts: list
// or --font hands them over: a broken font is an error or a font that
// draws what it can, never a panic.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "fonts", "*.[ot]tf"))
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fonts, err := Parse("fuzz.ttf", data)
		if err != nil {
			return
		}
		fs := NewFonts("", fonts...)
		st := Style{Size: 12, Fonts: fs}
		for _, s := range []string{"控制 API", "يرسل إلى", "प्रॉक्सी", "🚀 ok", "เซิร์ฟ"} {
			fs.Check(s, st)
			l := Shape(s, st)
			for _, r := range l.Runs {
				for _, g := range r.Glyphs {
					r.Font.Outline(g.ID, 12)
					r.Font.Picture(g.ID, 12)
				}
			}
			Wrap(s, st, 30)
		}
	})
}
