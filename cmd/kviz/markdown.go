package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"go.yaml.in/yaml/v3"

	"github.com/kviz/kviz/model"
)

// fenceLang is the info string's first word that marks a diagram.
const fenceLang = "kviz"

// block is one fenced code block of a Markdown page whose info string is
// `kviz`: it holds a model, manifests, or `file: path.yaml`.
type block struct {
	page string // the page's path
	n    int    // 1-based, among the page's kviz fences
	id   string // from `id=NAME` in the info string; "" for none
	line int    // the opening fence's line, 1-based
	// body is the block's text padded so that YAML positions in it are
	// the page's own: one empty line for each line above the block, and
	// spaces where a container's prefix (a list's indent, "> ") was.
	body []byte
	// start and end are the bytes of the whole fence, opening and closing
	// lines included, when it can be rewritten: at the top level of the
	// page; otherwise both are -1.
	start, end int
	fence      string // the opening fence's run of ` or ~
	closed     bool   // it has a closing fence (else the page's end closes it)
	dupOf      int    // the line of an earlier fence with the same id; 0 if none
	// Set once drawn: the drawing's title and whether it drew.
	title string
	ok    bool
}

// name is the block's part of its images' names: its id, else its number.
func (b *block) name() string {
	if b.id != "" {
		return b.id
	}
	return fmt.Sprint(b.n)
}

var (
	fenceID   = regexp.MustCompile(`(?:^|[\s{])(?:id=["']?|#)([^"'\s}]*)`)
	idPattern = regexp.MustCompile(`^[A-Za-z0-9_.-]+$`)
)

// parseInfo reads a fence's info string: whether it marks a diagram, and
// its id. Three spellings are read: CommonMark's `kviz id=NAME`, pandoc's
// `kviz {#NAME}`, and the attribute block `{.kviz #NAME}`, the only one
// Python-Markdown (MkDocs) reads as a fence with a language.
func parseInfo(info string) (id string, ok bool) {
	info = strings.TrimSpace(info)
	if attrs, found := strings.CutPrefix(info, "{"); found {
		attrs, _, _ = strings.Cut(attrs, "}")
		if !slices.Contains(strings.Fields(attrs), "."+fenceLang) {
			return "", false
		}
		info = "{" + attrs
	} else {
		lang, rest, _ := strings.Cut(info, " ")
		if lang != fenceLang {
			return "", false
		}
		info = rest
	}
	if m := fenceID.FindStringSubmatch(info); m != nil {
		id = m[1]
	}
	return id, true
}

// fences finds a page's kviz fences, in order. Markdown is read by goldmark
// (CommonMark): a fence inside an indented code block, an HTML block or
// another fence is not a diagram. It never fails: any bytes are a page.
func fences(src []byte) []*block {
	doc := goldmark.New().Parser().Parse(text.NewReader(src))
	lines := lineStarts(src)
	var out []*block
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		fcb, ok := n.(*ast.FencedCodeBlock)
		if !entering || !ok || fcb.Info == nil {
			return ast.WalkContinue, nil
		}
		id, ok := parseInfo(string(fcb.Info.Segment.Value(src)))
		if !ok {
			return ast.WalkContinue, nil
		}
		b := &block{n: len(out) + 1, id: id, line: lineOf(lines, fcb.Info.Segment.Start), start: -1, end: -1}
		b.body = padded(src, lines, b.line, fcb.Lines())
		if fcb.Parent() != nil && fcb.Parent().Kind() == ast.KindDocument {
			b.span(src, lines, fcb.Lines())
		}
		out = append(out, b)
		return ast.WalkSkipChildren, nil
	})
	return out
}

// lineStarts lists the offset of each line's first byte.
func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// lineOf gives the 1-based line of a byte offset.
func lineOf(starts []int, off int) int {
	lo, hi := 0, len(starts)
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if starts[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + 1
}

// padded rebuilds a block's text at its own lines and columns.
func padded(src []byte, starts []int, fenceLine int, segs *text.Segments) []byte {
	var buf bytes.Buffer
	buf.WriteString(strings.Repeat("\n", fenceLine))
	line := fenceLine + 1
	for i := 0; i < segs.Len(); i++ {
		s := segs.At(i)
		l := lineOf(starts, s.Start)
		for ; line < l; line++ {
			buf.WriteByte('\n')
		}
		buf.WriteString(strings.Repeat(" ", s.Start-starts[l-1]))
		buf.Write(src[s.Start:s.Stop])
		if !bytes.HasSuffix(src[s.Start:s.Stop], []byte("\n")) {
			buf.WriteByte('\n')
		}
		line = l + 1
	}
	return buf.Bytes()
}

// span finds the bytes of a top-level fence from its opening line to its
// closing one (or the page's end, where CommonMark closes an unclosed one).
func (b *block) span(src []byte, starts []int, segs *text.Segments) {
	open := src[starts[b.line-1]:]
	open = bytes.TrimLeft(open, " ")
	run := 0
	for run < len(open) && open[run] == open[0] {
		run++
	}
	b.fence = string(open[:run])
	b.start = starts[b.line-1]
	next := b.line // 0-based index of the line after the opening fence
	if segs.Len() > 0 {
		next = lineOf(starts, segs.At(segs.Len()-1).Start)
	}
	b.end = len(src)
	if next < len(starts) {
		closing := lineText(src, starts, next)
		t := strings.TrimSpace(closing)
		if strings.HasPrefix(t, b.fence) && strings.Trim(t, b.fence[:1]) == "" {
			b.end = starts[next] + len(closing)
			b.closed = true
			if b.end < len(src) {
				b.end++ // its newline
			}
		}
	}
}

// lineText is the text of the 0-based line i, without its newline.
func lineText(src []byte, starts []int, i int) string {
	end := len(src)
	if i+1 < len(starts) {
		end = starts[i+1] - 1
	}
	return string(src[starts[i]:end])
}

// loadBlock reads the model a fence holds: YAML of a model or manifests,
// positioned in the page's own lines, or `file: PATH` naming a file beside
// the page — inside root, the folder walked to find the page, if any.
func (e *env) loadBlock(b *block, root string, o loadOpts) (*model.Model, error) {
	if b.id != "" && !idPattern.MatchString(b.id) {
		return nil, model.ErrorList{{Pos: model.Pos{File: b.page, Line: b.line, Col: 1},
			Msg: fmt.Sprintf("bad fence id %q: use letters, digits, '_', '.' and '-'", b.id)}}
	}
	if b.dupOf > 0 {
		return nil, model.ErrorList{{Pos: model.Pos{File: b.page, Line: b.line, Col: 1},
			Msg: fmt.Sprintf("fence id %q is also the id of the fence on line %d", b.id, b.dupOf)}}
	}
	if ref, pos, ok := fileRef(b.body); ok {
		path := filepath.Join(filepath.Dir(b.page), filepath.FromSlash(ref))
		if !insideRoot(root, path) {
			return nil, model.ErrorList{{Pos: model.Pos{File: b.page, Line: pos.Line, Col: pos.Column},
				Msg: fmt.Sprintf("file %q is outside the folder drawn, %s", model.Clip(ref), root)}}
		}
		m, err := e.load(path, o)
		if err != nil && isNotExist(err) {
			return nil, model.ErrorList{{Pos: model.Pos{File: b.page, Line: pos.Line, Col: pos.Column},
				Msg: fmt.Sprintf("no file %q beside the page", ref)}}
		}
		return m, err
	}
	return e.parse(b.page, b.body, o)
}

// fileRef reads a block that is only `file: PATH`.
func fileRef(body []byte) (string, *yaml.Node, bool) {
	var doc yaml.Node
	if yaml.Unmarshal(body, &doc) != nil || len(doc.Content) == 0 {
		return "", nil, false
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode || len(top.Content) != 2 || top.Content[0].Value != "file" ||
		top.Content[1].Kind != yaml.ScalarNode {
		return "", nil, false
	}
	return top.Content[1].Value, top.Content[1], true
}

// insideRoot reports whether path, its symlinks followed, lies in root; a
// path that does not resolve is left for reading to report.
func insideRoot(root, path string) bool {
	if root == "" {
		return true
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return false
	}
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return true // nothing there to read; loading says so
	}
	return within(realRoot, real)
}
