package svg

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"

	"github.com/kviz/kviz/render"
)

// EncodeDark writes one SVG that draws light, and switches to dark's
// colours when the reader's page is dark: when the browser prefers a dark
// colour scheme (unless an inlining page says data-theme="light" or
// data-md-color-scheme="default"), or when the page it is inlined in says
// data-theme="dark" (Docusaurus) or data-md-color-scheme="slate" (MkDocs
// Material). The two scenes must be the same drawing in two themes: the
// same shapes at the same places, only their paint differing; anything
// else is an error.
//
// Each paint that differs keeps its light attribute and gains a style
// `fill:var(--kviz-dk-fill-1e1e1e,#ffffff)`: the custom property, named
// after the dark paint, is set only in dark mode, on the root. Custom
// properties inherit into the copies <use> makes of icon symbols, where
// a class selector would not reach. The geometry is the light SVG's, byte
// for byte, and several such SVGs inlined in one page never disagree.
func EncodeDark(w io.Writer, light, dark *render.Scene) error {
	return EncodeDarkWith(w, light, dark, Options{})
}

// EncodeDarkWith is EncodeDark as o asks (Options.EmbedFonts).
func EncodeDarkWith(w io.Writer, light, dark *render.Scene, o Options) error {
	var lb, db bytes.Buffer
	if err := EncodeWith(&lb, light, o); err != nil {
		return err
	}
	if err := EncodeWith(&db, dark, o); err != nil {
		return err
	}
	out, err := mergeDark(lb.Bytes(), db.Bytes())
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

// paintAttrs are the attributes a theme may change; every other attribute
// and all text must be the same in both drawings. Each maps to what an
// element without it is painted with (kviz sets paint on each shape, never
// on a group, so nothing is inherited).
var paintAttrs = map[string]string{
	"fill": "black", "stroke": "none", "stroke-width": "1", "stroke-dasharray": "none",
	"fill-opacity": "1", "stroke-opacity": "1", "opacity": "1",
	"stop-color": "black", "stop-opacity": "1",
}

var (
	attrRE   = regexp.MustCompile(`\s([A-Za-z_:][-A-Za-z0-9_:.]*)="([^"]*)"`)
	unsafeRE = regexp.MustCompile(`[^A-Za-z0-9]+`)
)

// mergeDark merges two encodings of one drawing, tag by tag.
func mergeDark(light, dark []byte) ([]byte, error) {
	lt, dt := splitTags(light), splitTags(dark)
	if len(lt) != len(dt) {
		return nil, fmt.Errorf("svg: the dark theme draws %d elements, the light %d: not the same drawing", len(dt), len(lt))
	}
	rules := map[string]string{} // custom property → its dark paint
	merged := make([]string, len(lt))
	title := -1
	for i := range lt {
		m, err := mergeTag(lt[i], dt[i], rules)
		if err != nil {
			return nil, err
		}
		merged[i] = m
		if title < 0 && strings.HasPrefix(lt[i], "</title>") {
			title = i
		}
	}
	if title < 0 {
		return nil, fmt.Errorf("svg: no </title> to put the dark style sheet after")
	}
	// The style sheet goes after the title, before anything drawn.
	var out bytes.Buffer
	for i, m := range merged {
		out.WriteString(m)
		if i == title {
			out.WriteString(styleSheet(rules))
		}
	}
	return out.Bytes(), nil
}

// splitTags cuts an SVG before each '<': a tag and the text after it.
func splitTags(b []byte) []string {
	var parts []string
	s := string(b)
	for len(s) > 0 {
		next := strings.IndexByte(s[1:], '<')
		if next < 0 {
			parts = append(parts, s)
			break
		}
		parts = append(parts, s[:next+1])
		s = s[next+1:]
	}
	return parts
}

// mergeTag keeps the light tag, adding a style for each paint that
// differs in the dark one.
func mergeTag(l, d string, rules map[string]string) (string, error) {
	if l == d {
		return l, nil
	}
	lTag, lText, _ := strings.Cut(l, ">")
	dTag, dText, _ := strings.Cut(d, ">")
	lPaint, lRest := attrs(lTag)
	dPaint, dRest := attrs(dTag)
	if lText != dText || lRest != dRest {
		return "", fmt.Errorf("svg: the dark theme changes more than colours: %.80q against %.80q", d, l)
	}
	var style []string
	for _, name := range sortedKeys(lPaint, dPaint) {
		lv, lok := lPaint[name]
		dv, dok := dPaint[name]
		if !lok {
			lv = paintAttrs[name]
		}
		if !dok {
			dv = paintAttrs[name]
		}
		if lv == dv {
			continue
		}
		v := "--kviz-dk-" + name + "-" + strings.Trim(unsafeRE.ReplaceAllString(dv, "_"), "_")
		rules[v] = dv
		style = append(style, fmt.Sprintf("%s:var(%s,%s)", name, v, lv))
	}
	if len(style) == 0 {
		return l, nil
	}
	return addStyle(lTag, strings.Join(style, ";")) + ">" + lText, nil
}

// attrs splits a tag's attributes into its paint and the rest, the rest
// written out in order for comparison.
func attrs(tag string) (map[string]string, string) {
	paint := map[string]string{}
	rest := attrRE.ReplaceAllStringFunc(tag, func(a string) string {
		m := attrRE.FindStringSubmatch(a)
		if _, ok := paintAttrs[m[1]]; ok {
			paint[m[1]] = m[2]
			return ""
		}
		return a
	})
	return paint, rest
}

func sortedKeys(a, b map[string]string) []string {
	var keys []string
	for k := range a {
		keys = append(keys, k)
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return keys
}

var styleAttrRE = regexp.MustCompile(`\sstyle="([^"]*)"`)

// addStyle adds declarations to a tag's style (the tag without its '>').
func addStyle(tag, decls string) string {
	if loc := styleAttrRE.FindStringSubmatchIndex(tag); loc != nil {
		return tag[:loc[3]] + ";" + decls + tag[loc[3]:]
	}
	end := strings.IndexAny(tag, " \t\n/")
	if end < 0 {
		end = len(tag)
	}
	return tag[:end] + ` style="` + decls + `"` + tag[end:]
}

// styleSheet sets the dark paints, sorted by name: under the reader's dark
// preference unless the page says light, and under a page's own dark
// switch (Docusaurus, MkDocs Material). "initial" unsets them where a page
// inside a dark-preferring browser says light.
func styleSheet(vars map[string]string) string {
	if len(vars) == 0 {
		return "" // the two themes paint alike
	}
	names := make([]string, 0, len(vars))
	for v := range vars {
		names = append(names, v)
	}
	sort.Strings(names)
	var set, unset strings.Builder
	for _, v := range names {
		fmt.Fprintf(&set, "%s:%s;", v, vars[v])
		fmt.Fprintf(&unset, "%s:initial;", v)
	}
	return "<style>\n@media (prefers-color-scheme: dark) {\n:root:not([data-theme=light]){" + set.String() + "}\n}\n" +
		"[data-theme=dark],[data-md-color-scheme=slate]{" + set.String() + "}\n" +
		"[data-md-color-scheme=default]{" + unset.String() + "}\n</style>\n"
}
