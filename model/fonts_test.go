package model

import (
	"errors"
	"strings"
	"testing"
)

func TestFontsAndLang(t *testing.T) {
	files := map[string]string{"fonts/a.otf": "A", "b.TTF": "B", "c.ttc": "C"}
	read := func(p string) ([]byte, error) {
		if d, ok := files[p]; ok {
			return []byte(d), nil
		}
		return nil, errors.New("cannot read it")
	}
	m, err := Parse("m.yaml", []byte("fonts: [fonts/a.otf, b.TTF, c.ttc]\nlang: zh-Hans\nnodes: [{id: a}]\n"), Options{ReadFont: read})
	if err != nil {
		t.Fatal(err)
	}
	if m.Lang != "zh-Hans" || len(m.Fonts) != 3 || m.Fonts[1].Path != "b.TTF" || string(m.Fonts[1].Data) != "B" || m.Fonts[2].Pos.Col != 29 {
		t.Errorf("lang %q, fonts %+v", m.Lang, m.Fonts)
	}
	for _, tc := range []struct{ name, src, want string }{
		{"not a font", "fonts: [x.woff]", `m.yaml:1:9: font "x.woff": give a .ttf, .otf or .ttc file`},
		{"absolute", "fonts: [/usr/a.ttf]", `m.yaml:1:9: font "/usr/a.ttf" must be a path relative to the model's folder`},
		{"unreadable", "fonts: [nope.ttf]", `m.yaml:1:9: font "nope.ttf": cannot read it`},
		{"twice", "fonts: [b.TTF, b.TTF]", `m.yaml:1:16: font "b.TTF" is named twice`},
		{"not a list", "fonts: b.TTF", `m.yaml:1:8: fonts must be a list, not the string "b.TTF"`},
		{"bad lang", "lang: zh_CN", `m.yaml:1:7: lang "zh_CN" is not a language tag such as zh-Hans, ja, ko or ar`},
		{"lang typo", "lnag: ja", `did you mean "lang"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("m.yaml", []byte(tc.src+"\nnodes: [{id: a}]\n"), Options{ReadFont: read})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v\nwant %s", err, tc.want)
			}
		})
	}
	if _, err := Parse("m.yaml", []byte("fonts: [b.TTF]\nnodes: [{id: a}]\n"), Options{}); err == nil ||
		!strings.Contains(err.Error(), "font files need the model to be read from a file") {
		t.Errorf("without a reader: %v", err)
	}
}
