package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// The lines a rewritten fence is wrapped in: the image, then the fence
// itself, folded away in <details> so that its source is never lost and
// the next run redraws it. <details> (not an HTML comment) because MDX,
// which Docusaurus reads .md and .mdx with, refuses HTML comments;
// markdown="1" so that Python-Markdown's md_in_html (MkDocs) reads the
// fence inside as Markdown too, as MDX and GitHub do.
const (
	detailsOpen  = `<details markdown="1">`
	detailsTitle = "<summary>kviz source</summary>"
	detailsClose = "</details>"
)

// rewritePages writes each page whose fences all drew, with each top-level
// fence replaced by its image and its source kept; with check it writes
// nothing and counts the pages that would change.
func (e *env) rewritePages(jobs []job, check bool) (int, error) {
	var pages []string
	blocks := map[string][]*block{}
	images := map[*block]string{}
	for _, j := range jobs {
		b := j.block
		if b == nil {
			continue
		}
		if blocks[b.page] == nil {
			pages = append(pages, b.page)
		}
		blocks[b.page] = append(blocks[b.page], b)
		images[b] = imageOf(j)
	}
	stale := 0
	var failed []string
	for _, page := range pages {
		if !allDrawn(blocks[page]) {
			failed = append(failed, page)
			continue
		}
		src, err := os.ReadFile(page)
		if err != nil {
			return stale, err
		}
		out := e.rewrite(src, blocks[page], images)
		switch {
		case bytes.Equal(out, src):
		case check:
			fmt.Fprintf(e.stderr, "stale: %s (its kviz fences are not rewritten)\n", page)
			stale++
		default:
			if err := writeFile(page, out); err != nil {
				return stale, err
			}
		}
	}
	if len(failed) > 0 {
		return stale, fmt.Errorf("not rewritten, a fence did not draw: %s", strings.Join(failed, ", "))
	}
	return stale, nil
}

func allDrawn(bs []*block) bool {
	for _, b := range bs {
		if !b.ok {
			return false
		}
	}
	return true
}

// imageOf is the image a page shows for a fence: its SVG, else its PNG.
func imageOf(j job) string {
	for _, want := range []string{"svg", "png"} {
		for _, out := range j.outs {
			if out.format == want {
				return out.path
			}
		}
	}
	return ""
}

// rewrite returns the page with each top-level fence replaced by its image
// and kept folded in <details>; a fence already so wrapped gets its wrapper
// anew, so a page rewritten twice is unchanged.
func (e *env) rewrite(src []byte, bs []*block, images map[*block]string) []byte {
	var out bytes.Buffer
	last := 0
	for _, b := range bs {
		img := images[b]
		if b.start < 0 || img == "" {
			fmt.Fprintf(e.stderr, "kviz: %s:%d: warning: a kviz fence inside a list or quote, or drawn to no image, is not rewritten\n", b.page, b.line)
			continue
		}
		start, end := wrapper(src, b)
		out.Write(src[last:start])
		writeWrapped(&out, src[b.start:b.end], b, imageRef(b.page, img))
		last = end
	}
	out.Write(src[last:])
	return out.Bytes()
}

// altEscaper makes a title safe as an image's alt text in Markdown and in
// MDX, where { starts an expression and < an element: each such character
// is backslash-escaped, which CommonMark reads as the character itself.
var altEscaper = strings.NewReplacer("\n", " ", `\`, `\\`, "[", `\[`, "]", `\]`, "{", `\{`, "}", `\}`, "<", `\<`, ">", `\>`)

// writeWrapped writes an image reference and the fence in <details>.
func writeWrapped(out *bytes.Buffer, fence []byte, b *block, ref string) {
	alt := b.title
	if alt == "" {
		alt = "diagram"
	}
	alt = altEscaper.Replace(alt)
	fmt.Fprintf(out, "![%s](%s)\n\n%s\n%s\n\n", alt, ref, detailsOpen, detailsTitle)
	out.Write(fence)
	if !bytes.HasSuffix(fence, []byte("\n")) {
		out.WriteByte('\n')
	}
	if !b.closed {
		out.WriteString(b.fence + "\n")
	}
	out.WriteString("\n" + detailsClose + "\n")
}

// imageRef is the path of an image relative to its page, as Markdown
// writes it.
func imageRef(page, img string) string {
	rel, err := filepath.Rel(filepath.Dir(page), img)
	if err != nil {
		rel = img
	}
	rel = filepath.ToSlash(rel)
	if !strings.HasPrefix(rel, "../") {
		rel = "./" + rel
	}
	if strings.ContainsAny(rel, " ()<>") {
		rel = "<" + rel + ">"
	}
	return rel
}

// wrapper finds the bytes of a fence together with the wrapper an earlier
// rewrite put around it, or only the fence's when it has none.
func wrapper(src []byte, b *block) (int, int) {
	starts := lineStarts(src)
	first := lineOf(starts, b.start) - 1 // 0-based line of the opening fence
	before := func(k int) string {
		if first-k < 0 {
			return "\x00"
		}
		return strings.TrimRight(lineText(src, starts, first-k), "\r")
	}
	img := before(5)
	if before(1) != "" || before(2) != detailsTitle || before(3) != detailsOpen || before(4) != "" ||
		!strings.HasPrefix(img, "![") || !strings.HasSuffix(img, ")") {
		return b.start, b.end
	}
	after := lineOf(starts, b.end) - 1 // 0-based line after the closing fence
	if b.end >= len(src) || after+1 >= len(starts) || strings.TrimRight(lineText(src, starts, after), "\r") != "" ||
		strings.TrimRight(lineText(src, starts, after+1), "\r") != detailsClose {
		return b.start, b.end
	}
	end := len(src)
	if after+2 < len(starts) {
		end = starts[after+2]
	}
	return starts[first-5], end
}
