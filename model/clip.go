package model

import "unicode/utf8"

// MaxQuoted is the most characters of a value an error message quotes: a
// value can be megabytes long, or the content of a file that should never
// be printed whole.
const MaxQuoted = 80

// Clip shortens s to MaxQuoted characters, the last of them "…", for
// quoting in an error message.
func Clip(s string) string {
	if utf8.RuneCountInString(s) <= MaxQuoted {
		return s
	}
	n := 0
	for i := range s {
		if n == MaxQuoted-1 {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// clipArgs clips the long strings among an error message's arguments;
// some of them are phrases already holding a clipped value ("the string
// \"...\""), which are left whole.
func clipArgs(args []any) []any {
	for i, a := range args {
		if s, ok := a.(string); ok && utf8.RuneCountInString(s) > MaxQuoted+32 {
			args[i] = Clip(s)
		}
	}
	return args
}
