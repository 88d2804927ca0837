package model

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
)

// control finds the first control character of s other than a newline or
// a tab: YAML escapes ("\0", "\x01") can put any into a value, and XML 1.0
// allows none of them in a drawing's text.
func control(s string) (rune, bool) {
	for _, r := range s {
		if unicode.IsControl(r) && r != '\n' && r != '\t' {
			return r, true
		}
	}
	return 0, false
}

// controlMsg refuses a value holding a control character.
func controlMsg(what string, r rune) string {
	return fmt.Sprintf("%s holds the control character %U; write plain text", what, r)
}

// YAMLErrorIn is YAMLError for a file's bytes: a tab in the indentation,
// which go-yaml reports at the line before it, is reported at its own line
// and column, and named as a tab.
func YAMLErrorIn(file string, data []byte, err error) ErrorList {
	l := YAMLError(file, err)
	for _, e := range l {
		if strings.Contains(e.Msg, "tab character") {
			if line, col := indentTab(data, e.Pos.Line); line > 0 {
				e.Pos.Line, e.Pos.Col = line, col
				e.Msg = "a tab in the indentation: YAML indents with spaces only"
			}
		}
	}
	return l
}

// indentTab finds the first tab in the indentation of a line from line
// on (1-based), returning its line and column, or 0, 0.
func indentTab(data []byte, from int) (int, int) {
	for i, line := range bytes.Split(data, []byte("\n")) {
		if i+1 < from {
			continue
		}
		for j, c := range line {
			if c == '\t' {
				return i + 1, j + 1
			}
			if c != ' ' && c != '-' {
				break
			}
		}
	}
	return 0, 0
}
