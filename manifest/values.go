package manifest

import (
	"fmt"
)

// get walks nested mappings by key; it returns nil where a step is missing
// or not a mapping. Mappings with non-string keys (YAML allows `5:` or
// `true:`) are read with their keys as text.
func get(v any, path ...string) any {
	for _, k := range path {
		switch m := v.(type) {
		case map[string]any:
			v = m[k]
		case map[any]any:
			v = nil
			for mk, mv := range m {
				if fmt.Sprint(mk) == k {
					v = mv
				}
			}
		default:
			return nil
		}
	}
	return v
}

// str is get for a scalar, as text; "" when absent.
func str(v any, path ...string) string {
	switch s := get(v, path...).(type) {
	case string:
		return s
	case int, int64, uint64, float64, bool:
		return fmt.Sprint(s)
	}
	return ""
}

// textKeys is a mapping with its keys as text: YAML decodes one with a
// non-string key (`5:`) as map[any]any. Anything else gives nil.
func textKeys(v any) map[string]any {
	switch m := v.(type) {
	case map[string]any:
		return m
	case map[any]any:
		out := make(map[string]any, len(m))
		for k, x := range m {
			out[fmt.Sprint(k)] = x
		}
		return out
	}
	return nil
}

// list is get for a sequence.
func list(v any, path ...string) []any {
	l, _ := get(v, path...).([]any)
	return l
}

// strmap is get for a mapping of text to text (labels, selectors).
func strmap(v any, path ...string) map[string]string {
	out := map[string]string{}
	switch m := get(v, path...).(type) {
	case map[string]any:
		for k, x := range m {
			out[k] = fmt.Sprint(x)
		}
	case map[any]any:
		for k, x := range m {
			out[fmt.Sprint(k)] = fmt.Sprint(x)
		}
	}
	return out
}

// subset reports whether every pair of sel is in labels. An empty selector
// selects nothing here: a Service without one selects no pods.
func subset(sel, labels map[string]string) bool {
	if len(sel) == 0 {
		return false
	}
	for k, v := range sel {
		if labels[k] != v {
			return false
		}
	}
	return true
}
