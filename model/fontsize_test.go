package model

import (
	"strings"
	"testing"
)

func TestFontSize(t *testing.T) {
	m, err := Parse("m.yaml", []byte("style: {font-size: 18.5}\nnodes: [{id: a}]\n"), Options{})
	if err != nil || m.Style.FontSize != 18.5 {
		t.Fatalf("font-size 18.5: %v, %v", m, err)
	}
	for in, want := range map[string]string{
		"style: {font-size: 100}\n":                  `m.yaml:1:20: font-size 100 is out of range: from 6 to 72 points`,
		"style: {font-size: big}\n":                  `m.yaml:1:20: font-size must be a number of points, not the string "big"`,
		"nodes: [{id: a, style: {font-size: 20}}]\n": `m.yaml:1:25: unknown key "font-size" in a node style`,
	} {
		if _, err := Parse("m.yaml", []byte(in), Options{}); err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%q: got %v, want %s", in, err, want)
		}
	}
}
