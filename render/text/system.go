package text

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	gofont "github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
)

// System finds the fonts installed on the machine: the font files under
// Dirs, scanned once, on first need. A System is safe for concurrent use.
type System struct {
	Dirs []string // the folders scanned, in order
	// Cache is a file keeping what the scan found between runs, each font
	// file's entry valid while its size and modification time stay; ""
	// for none. The choice of fonts is the same with or without it.
	Cache string

	once  sync.Once
	faces []systemFace // in Dirs order, then path order, then face index
	mu    sync.Mutex
	load  map[string][]*Font // parsed files, by path
}

// systemFace is what the scan keeps of a face: enough to choose it.
type systemFace struct {
	Path   string    `json:"path"`
	Index  int       `json:"index"`
	Family string    `json:"family"`
	Bold   bool      `json:"bold,omitempty"`
	Italic bool      `json:"italic,omitempty"`
	Emoji  bool      `json:"emoji,omitempty"`
	Runes  [][2]rune `json:"runes"` // covered ranges, both ends included
}

// NewSystem scans dirs, or the platform's standard font folders when dirs
// is nil. An empty, non-nil dirs finds no font.
func NewSystem(dirs []string) *System {
	if dirs == nil {
		dirs = DefaultDirs()
	}
	return &System{Dirs: dirs, load: map[string][]*Font{}}
}

// DefaultDirs are the standard font folders of Linux and the BSDs, macOS
// and Windows, the user's own first.
func DefaultDirs() []string {
	home, _ := os.UserHomeDir()
	switch runtime.GOOS {
	case "windows":
		var dirs []string
		if l := os.Getenv("LOCALAPPDATA"); l != "" {
			dirs = append(dirs, filepath.Join(l, "Microsoft", "Windows", "Fonts"))
		}
		return append(dirs, filepath.Join(or(os.Getenv("WINDIR"), `C:\Windows`), "Fonts"))
	case "darwin":
		return []string{filepath.Join(home, "Library", "Fonts"), "/Library/Fonts", "/System/Library/Fonts", "/System/Library/Fonts/Supplemental"}
	}
	dirs := []string{filepath.Join(home, ".local", "share", "fonts"), filepath.Join(home, ".fonts")}
	if x := os.Getenv("XDG_DATA_HOME"); x != "" {
		dirs = append([]string{filepath.Join(x, "fonts")}, dirs...)
	}
	return append(dirs, "/usr/local/share/fonts", "/usr/share/fonts")
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// Faces counts the faces the scan found.
func (s *System) Faces() int {
	s.once.Do(s.scan)
	return len(s.faces)
}

// Families lists the families found, each once, sorted, and the file of
// each family's first face.
func (s *System) Families() (families, files []string) {
	s.once.Do(s.scan)
	seen := map[string]bool{}
	for _, f := range s.faces {
		if !seen[f.Family] {
			seen[f.Family] = true
			families = append(families, f.Family)
		}
	}
	sort.Strings(families)
	for _, fam := range families {
		for _, f := range s.faces {
			if f.Family == fam {
				files = append(files, f.Path)
				break
			}
		}
	}
	return families, files
}

func (s *System) scan() {
	c := openScanCache(s.Cache)
	seen := map[string]bool{}
	for _, dir := range s.Dirs {
		var paths []string
		filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil // an unreadable folder is skipped, not fatal
			}
			ext := strings.ToLower(filepath.Ext(path))
			if !d.IsDir() && (ext == ".ttf" || ext == ".otf" || ext == ".ttc" || ext == ".otc") {
				paths = append(paths, path)
			}
			return nil
		})
		sort.Strings(paths) // WalkDir is lexical already; say so in code
		for _, p := range paths {
			real, err := filepath.EvalSymlinks(p)
			if err != nil || seen[real] {
				continue
			}
			seen[real] = true
			s.faces = append(s.faces, c.faces(p)...)
		}
	}
	c.save()
}

// scanFile summarises the faces of one font file; a file kviz cannot read
// is skipped.
func scanFile(path string) (out []systemFace) {
	data, err := os.ReadFile(path)
	if err != nil || len(data) > MaxFontBytes {
		return nil
	}
	fonts, err := Parse(path, data)
	if err != nil {
		return nil
	}
	mu.Lock()
	defer mu.Unlock()
	for _, f := range fonts {
		out = append(out, systemFace{Path: path, Index: f.Index, Family: f.Family,
			Bold: f.Bold, Italic: f.Italic, Emoji: f.Emoji, Runes: coverage(f.goFace())})
	}
	return out
}

// coverage lists the ranges of characters a face maps.
func coverage(face *gofont.Face) [][2]rune {
	if rr, ok := face.Cmap.(gofont.CmapRuneRanger); ok {
		return rr.RuneRanges(nil)
	}
	var out [][2]rune
	var runes []rune
	for it := face.Cmap.Iter(); it.Next(); {
		r, _ := it.Char()
		runes = append(runes, r)
	}
	sort.Slice(runes, func(i, j int) bool { return runes[i] < runes[j] })
	for _, r := range runes {
		if n := len(out); n > 0 && out[n-1][1]+1 >= r {
			out[n-1][1] = max(out[n-1][1], r)
			continue
		}
		out = append(out, [2]rune{r, r})
	}
	return out
}

func (f *systemFace) has(r rune) bool {
	i := sort.Search(len(f.Runes), func(i int) bool { return f.Runes[i][1] >= r })
	return i < len(f.Runes) && f.Runes[i][0] <= r
}

// Find picks system fonts for the characters in need, in the order the
// characters come: for each character no font picked so far has, the best
// face that has it, as fontconfig would choose — sans-serif before serif
// and monospace, for Han the regional forms lang asks for (zh-Hans,
// zh-Hant, ja, ko), the regular face — then every face of that family, so
// that bold text finds its bold face. Characters no system font has are
// left out.
func (s *System) Find(need []rune, lang string) []*Font {
	s.once.Do(s.scan)
	var out []*Font
	covered := func(r rune) bool {
		for _, f := range out {
			if f.Has(r) {
				return true
			}
		}
		return false
	}
	for _, r := range need {
		if covered(r) {
			continue
		}
		best := -1
		for i := range s.faces {
			f := &s.faces[i]
			if f.has(r) && (best < 0 || rank(f, r, lang) < rank(&s.faces[best], r, lang)) {
				best = i
			}
		}
		if best < 0 {
			continue
		}
		out = append(out, s.family(s.faces[best].Family, s.faces[best])...)
	}
	return out
}

// family loads every face of fam, the chosen one first.
func (s *System) family(fam string, first systemFace) []*Font {
	var out []*Font
	add := func(f systemFace) {
		for _, ft := range s.parsed(f.Path) {
			if ft.Index == f.Index {
				out = append(out, ft)
			}
		}
	}
	add(first)
	for _, f := range s.faces {
		if f.Family == fam && (f.Path != first.Path || f.Index != first.Index) {
			add(f)
		}
	}
	return out
}

func (s *System) parsed(path string) []*Font {
	s.mu.Lock()
	defer s.mu.Unlock()
	if fs, ok := s.load[path]; ok {
		return fs
	}
	data, err := os.ReadFile(path)
	var fs []*Font
	if err == nil {
		fs, _ = Parse(path, data)
	}
	s.load[path] = fs
	return fs
}

// rank orders the faces that have r: lower is better. Ties keep scan
// order (folders as listed, paths sorted), so the choice is stable.
func rank(f *systemFace, r rune, lang string) int {
	fam := strings.ToLower(f.Family)
	score := 0
	switch {
	case strings.Contains(fam, "mono"):
		score += 40
	case strings.Contains(fam, "serif") && !strings.Contains(fam, "sans"):
		score += 20
	case !strings.Contains(fam, "sans"):
		score += 10
	}
	if f.Bold {
		score += 4
	}
	if f.Italic {
		score += 2
	}
	if name := scriptNames[language.LookupScript(r)]; name != "" && strings.Contains(fam, name) {
		score -= 5 // a font made for the script: Noto Sans Arabic before DejaVu Sans
	}
	if isHan(r) && !hanRegion(fam, lang) {
		score += 80
	}
	if f.Emoji != isEmoji(r) {
		score += 160 // a colour emoji font for emoji, never for text
	}
	return score
}

// hanRegion reports whether a family's name says it draws Han characters
// the way lang writes them. Without a lang, Simplified Chinese first, as
// fontconfig's default order has it.
func hanRegion(fam, lang string) bool {
	lang = strings.ToLower(lang)
	want := []string{" sc", "sc ", "cn", "gb"}
	switch {
	case strings.HasPrefix(lang, "ja"):
		want = []string{" jp", "jp ", "japan", "gothic"}
	case strings.HasPrefix(lang, "ko"):
		want = []string{" kr", "kr ", "korea", "gothic"}
	case lang == "zh-hant" || lang == "zh-tw" || strings.HasPrefix(lang, "zh-hant"):
		want = []string{" tc", "tc ", "tw"}
	case lang == "zh-hk":
		want = []string{" hk", "hk "}
	}
	fam = " " + fam + " "
	for _, w := range want {
		if strings.Contains(fam, w) {
			return true
		}
	}
	return false
}

// scriptNames are the names fonts made for one script carry.
var scriptNames = map[language.Script]string{
	language.Arabic: "arabic", language.Hebrew: "hebrew", language.Devanagari: "devanagari",
	language.Bengali: "bengali", language.Gurmukhi: "gurmukhi", language.Gujarati: "gujarati",
	language.Oriya: "oriya", language.Tamil: "tamil", language.Telugu: "telugu",
	language.Kannada: "kannada", language.Malayalam: "malayalam", language.Sinhala: "sinhala",
	language.Thai: "thai", language.Lao: "lao", language.Khmer: "khmer", language.Myanmar: "myanmar",
	language.Georgian: "georgian", language.Armenian: "armenian", language.Ethiopic: "ethiopic",
	language.Tibetan: "tibetan", language.Syriac: "syriac", language.Thaana: "thaana",
}

func isHan(r rune) bool {
	return r >= 0x2e80 && r < 0x2fe0 || r >= 0x3400 && r < 0x4dc0 || r >= 0x4e00 && r < 0xa000 ||
		r >= 0xf900 && r < 0xfb00 || r >= 0x20000 && r < 0x32000
}

func isEmoji(r rune) bool {
	return r >= 0x1f300 && r < 0x1fb00 || r >= 0x2600 && r < 0x27c0
}
