package render

import (
	"crypto/sha256"
	"fmt"

	"github.com/kviz/kviz/render/text"
)

// sceneJSON is the JSON form of a Scene: its fields, then the language
// its texts are in and the fonts they are set in (Scene.Fonts).
type sceneJSON struct {
	*Scene
	Lang  string     `json:"lang,omitempty"`
	Fonts *fontFiles `json:"fonts,omitempty"`
}

// fontFiles are the fonts after the embedded Liberation Sans that set at
// least one character of the scene's texts, in fallback order: each file
// once, each face naming its file.
type fontFiles struct {
	Files [][]byte   `json:"files"` // whole TTF, OTF or TTC files, base64
	Faces []fontFace `json:"faces"` // in fallback order
}

// fontFace is a face of one of the files.
type fontFace struct {
	File  int    `json:"file"`  // its index in files
	Index int    `json:"index"` // the face's index in a collection; 0 for a single font
	Path  string `json:"path"`  // the file as the model or command line named it
}

// toJSON is the scene with its fonts' JSON form: only the families that
// draw some text, which draw the scene to the same bytes (text.Subset).
func toJSON(sc *Scene, c *Scene) sceneJSON {
	out := sceneJSON{Scene: c}
	if sc.Fonts == nil {
		return out
	}
	fs := sc.Fonts.Subset(drawnTexts(sc))
	if fs == nil {
		return out
	}
	out.Lang = fs.Lang
	extra := fs.Extra()
	if len(extra) == 0 {
		return out
	}
	out.Fonts = &fontFiles{}
	files := map[[sha256.Size]byte]int{}
	for _, f := range extra {
		sum := sha256.Sum256(f.Data)
		i, ok := files[sum]
		if !ok {
			i = len(out.Fonts.Files)
			files[sum] = i
			out.Fonts.Files = append(out.Fonts.Files, f.Data)
		}
		out.Fonts.Faces = append(out.Fonts.Faces, fontFace{File: i, Index: f.Index, Path: f.Path})
	}
	return out
}

// fonts parses the fonts the JSON carries: a broken or hostile file is an
// error (text.Parse), a file no face names too.
func (s *sceneJSON) fonts() (*text.Fonts, error) {
	if s.Fonts == nil {
		if s.Lang == "" {
			return nil, nil
		}
		return text.NewFonts(s.Lang), nil
	}
	type key struct {
		file int
		path string
	}
	parsed := map[key][]*text.Font{}
	named := make([]bool, len(s.Fonts.Files))
	var list []*text.Font
	for i, f := range s.Fonts.Faces {
		if f.File < 0 || f.File >= len(s.Fonts.Files) {
			return nil, fmt.Errorf("fonts.faces[%d]: file %d of %d", i, f.File, len(s.Fonts.Files))
		}
		if f.Path == "" {
			return nil, fmt.Errorf("fonts.faces[%d]: no path", i)
		}
		named[f.File] = true
		k := key{f.File, f.Path}
		faces, ok := parsed[k]
		if !ok {
			var err error
			if faces, err = text.Parse(f.Path, s.Fonts.Files[f.File]); err != nil {
				return nil, fmt.Errorf("fonts.faces[%d]: font %q: %v", i, f.Path, err)
			}
			parsed[k] = faces
		}
		if f.Index < 0 || f.Index >= len(faces) {
			return nil, fmt.Errorf("fonts.faces[%d]: face %d of %d", i, f.Index, len(faces))
		}
		list = append(list, faces[f.Index])
	}
	for i, ok := range named {
		if !ok {
			return nil, fmt.Errorf("fonts.files[%d]: no face names it", i)
		}
	}
	return text.NewFonts(s.Lang, list...), nil
}

// drawnTexts lists every text Draw draws, and the icons' texts, in the
// styles the encoders set them in.
func drawnTexts(sc *Scene) []text.Styled {
	var r recorder
	Draw(sc, &r)
	for _, s := range sc.Icons {
		for _, el := range s.Elements {
			if el.Op == OpText {
				r = append(r, text.Styled{S: el.Text, Style: text.Style{Bold: true}})
			}
		}
	}
	return r
}

// recorder is a Canvas that notes the texts drawn on it.
type recorder []text.Styled

func (r *recorder) Text(t Text) {
	*r = append(*r, text.Styled{S: t.Text, Style: text.Style{Bold: t.Bold, Italic: t.Italic}})
}
func (*recorder) Path(Path, Paint)    {}
func (*recorder) Icon(*Icon, *Symbol) {}
func (*recorder) Open(Part)           {}
func (*recorder) Close()              {}
