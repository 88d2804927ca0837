package main

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"testing"
)

func TestFences(t *testing.T) {
	for _, tt := range []struct {
		name, page string
		want       []string // each fence as "line id body-without-padding"
	}{
		{"none", "# t\n\n```yaml\nnodes: []\n```\n", nil},
		{"backticks", "a\n\n```kviz\nnodes: []\n```\n", []string{"3  nodes: []"}},
		{"tildes and id", "~~~ kviz id=x\nnodes: []\n~~~\n", []string{"1 x nodes: []"}},
		{"braced id", "```kviz {id=\"y\"}\nnodes: []\n```\n", []string{"1 y nodes: []"}},
		{"not kviz-ish", "```kvizz\nnodes: []\n```\n", nil},
		{"pandoc id", "```kviz {#p}\nnodes: []\n```\n", []string{"1 p nodes: []"}},
		{"attribute block", "```{.kviz #m}\nnodes: []\n```\n", []string{"1 m nodes: []"}},
		{"attribute block, no id", "``` { .kviz .wide }\nnodes: []\n```\n", []string{"1  nodes: []"}},
		{"attribute block of another language", "```{.yaml #m}\nnodes: []\n```\n", nil},
		{"kviz not first", "```yaml kviz\nnodes: []\n```\n", nil},
		{"indented code", "    ```kviz\n    nodes: []\n    ```\n", nil},
		{"inside another fence", "````\n```kviz\nnodes: []\n```\n````\n", nil},
		{"unclosed", "```kviz\nnodes: []\n", []string{"1  nodes: []"}},
		{"in a quote", "> ```kviz\n> nodes: []\n> ```\n", []string{"1  nodes: []"}},
		{"two", "```kviz\na: 1\n```\n\n```kviz\nb: 2\n```\n", []string{"1  a: 1", "5  b: 2"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, b := range fences([]byte(tt.page)) {
				got = append(got, strings.TrimSpace(strings.Join([]string{strconv.Itoa(b.line), b.id, strings.TrimSpace(string(b.body))}, " ")))
			}
			for i := range tt.want {
				tt.want[i] = strings.TrimSpace(tt.want[i])
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestFencePositions: a block's body keeps the page's lines and columns.
func TestFencePositions(t *testing.T) {
	page := "x\n\n- item\n\n  ```kviz\n  nodes:\n    - {id: a}\n  ```\n"
	bs := fences([]byte(page))
	if len(bs) != 1 {
		t.Fatalf("got %d fences", len(bs))
	}
	lines := strings.Split(string(bs[0].body), "\n")
	if len(lines) < 7 || lines[5] != "  nodes:" || lines[6] != "    - {id: a}" {
		t.Errorf("body lines %q: want the page's lines 6 and 7 at their columns", lines)
	}
	if bs[0].start != -1 {
		t.Errorf("a fence in a list must not be rewritable")
	}
}

// FuzzFences: any bytes are a page; fences never panic, lie inside the
// page, keep its line numbers, and rewriting twice is rewriting once.
func FuzzFences(f *testing.F) {
	for _, seed := range []string{
		"```kviz\nnodes: []\n```\n",
		"~~~kviz id=a\nnodes: []\n~~~\n\n```kviz\nx\n",
		"> ```kviz\n> a\n\n- ```kviz\n  b\n  ```\n",
		"````kviz\n```\n````\n",
		"![x](./p-1.svg)\n\n<details markdown=\"1\">\n<summary>kviz source</summary>\n\n```kviz\na: 1\n```\n\n</details>\n",
		"\t```kviz\r\na\r\n```",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, page []byte) {
		bs := fences(page)
		nlines := bytes.Count(page, []byte("\n")) + 1
		for _, b := range bs {
			if b.line < 1 || b.line > nlines {
				t.Fatalf("fence on line %d of %d", b.line, nlines)
			}
			if bytes.Count(b.body, []byte("\n")) < b.line {
				t.Fatalf("body of fence on line %d lost its padding", b.line)
			}
			if b.start >= 0 && (b.start > b.end || b.end > len(page)) {
				t.Fatalf("span %d..%d outside a page of %d bytes", b.start, b.end, len(page))
			}
			b.page, b.ok = "p.md", true
		}
		images := map[*block]string{}
		for _, b := range bs {
			images[b] = "p-" + b.name() + ".svg"
		}
		e := &env{stderr: io.Discard}
		once := e.rewrite(page, bs, images)
		again := fences(once)
		if len(again) != len(bs) {
			t.Fatalf("rewriting changed the number of fences from %d to %d:\n%s", len(bs), len(again), once)
		}
		images = map[*block]string{}
		for _, b := range again {
			b.page, b.ok = "p.md", true
			images[b] = "p-" + b.name() + ".svg"
		}
		if twice := e.rewrite(once, again, images); !bytes.Equal(once, twice) {
			t.Fatalf("rewriting twice differs from once:\n%q\n%q", once, twice)
		}
	})
}
