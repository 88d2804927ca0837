package model

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Limits bound the work a model may ask for, so that a hostile file fails
// fast with an error instead of exhausting memory.
const (
	MaxBytes = 16 << 20 // bytes in one model file
	MaxDepth = 32       // groups nested in groups
	// maxVisits bounds the YAML nodes read, aliases expanded; a "billion
	// laughs" file reaches it long before it costs anything.
	maxVisits = 1 << 20
	// DefaultMaxEdges bounds the edges of a model: Graphviz's dot takes
	// about a minute at 20,000 and grows worse than linearly.
	DefaultMaxEdges = 20000
)

// Options change how a model is loaded. The zero value is the default.
type Options struct {
	MaxNodes int // the most nodes a model may have; 0 means 10,000
	MaxEdges int // the most edges, each target of a list counted; 0 means DefaultMaxEdges
	// ReadIcon reads an icon file named by a path relative to the model's
	// folder, refusing any outside it. Nil: icon files are an error.
	ReadIcon func(path string) ([]byte, error)
	// ReadFont reads a font file the model names, under the same rules.
	// Nil: font files are an error.
	ReadFont func(path string) ([]byte, error)
}

var idPattern = regexp.MustCompile(`^[A-Za-z0-9_.-]+$`)

// Load reads a model from r. name is the file name used in positions.
// The error, if any, is an ErrorList.
func Load(name string, r io.Reader, opts Options) (*Model, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return Parse(name, data, opts)
}

// Parse is Load for bytes already in memory.
func Parse(name string, data []byte, opts Options) (*Model, error) {
	d := &decoder{file: name, maxNodes: opts.MaxNodes, maxEdges: opts.MaxEdges, readIcon: opts.ReadIcon, readFont: opts.ReadFont}
	if d.maxNodes <= 0 {
		d.maxNodes = 10000
	}
	if d.maxEdges <= 0 {
		d.maxEdges = DefaultMaxEdges
	}
	if len(data) > MaxBytes {
		d.errs.add(Pos{name, 1, 1}, "file is larger than %d MiB", MaxBytes>>20)
		return nil, d.errs.Err()
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	err := dec.Decode(&doc)
	if err != nil && err != io.EOF {
		d.errs = append(d.errs, YAMLErrorIn(name, data, err)...)
		return nil, d.errs.Err()
	}
	if err == io.EOF || len(doc.Content) == 0 || isNull(doc.Content[0]) {
		d.errs.add(Pos{name, 1, 1}, "empty model: expected a mapping with `nodes`")
		return nil, d.errs.Err()
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == io.EOF:
	case err != nil:
		d.errs = append(d.errs, YAMLErrorIn(name, data, err)...)
	case len(extra.Content) > 0 && !isNull(extra.Content[0]):
		d.errorf(extra.Content[0], "a model is one YAML document; found a second one")
	}
	m := d.model(doc.Content[0])
	if err := d.errs.Err(); err != nil {
		return nil, err
	}
	return m, nil
}

var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// YAMLError turns a go-yaml error into positioned errors. go-yaml gives a
// line but no column; column 1 stands for "somewhere on this line".
func YAMLError(file string, err error) ErrorList {
	var msgs []string
	if te, ok := err.(*yaml.TypeError); ok {
		msgs = te.Errors
	} else {
		msgs = []string{err.Error()}
	}
	var l ErrorList
	for _, msg := range msgs {
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			line, _ := strconv.Atoi(m[1])
			l.add(Pos{file, line, 1}, "not valid YAML: %s", m[2])
			continue
		}
		l.add(Pos{file, 1, 1}, "not valid YAML: %s", strings.TrimPrefix(msg, "yaml: "))
	}
	return l
}

type decoder struct {
	file     string
	errs     ErrorList
	visits   int
	count    int
	maxNodes int
	maxEdges int
	readIcon func(string) ([]byte, error)
	readFont func(string) ([]byte, error)
	m        *Model
}

func (d *decoder) pos(n *yaml.Node) Pos { return Pos{d.file, n.Line, n.Column} }

// maxErrors is the most errors reported for one file; a hostile file could
// otherwise make millions.
const maxErrors = 50

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	if len(d.errs) == maxErrors {
		d.errs.add(d.pos(n), "too many errors; stopping here")
	}
	if len(d.errs) >= maxErrors {
		return
	}
	d.errs.add(d.pos(n), format, clipArgs(args)...)
}

// resolve follows aliases, counting every step against the visit budget.
// It returns nil once the budget is spent.
func (d *decoder) resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		if !d.visit(n) {
			return nil
		}
		n = n.Alias
	}
	if n != nil && !d.visit(n) {
		return nil
	}
	return n
}

func (d *decoder) visit(n *yaml.Node) bool {
	d.visits++
	if d.visits == maxVisits {
		// Reported past the error cap: it explains the others.
		d.errs.add(d.pos(n), "too many YAML nodes after expanding aliases (more than %d)", maxVisits)
	}
	return d.visits < maxVisits
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// fields walks a mapping, reporting non-string, duplicate and unknown keys,
// and calls f for each known key in source order.
func (d *decoder) fields(n *yaml.Node, what string, known []string, f func(key string, v *yaml.Node)) {
	n = d.resolve(n)
	if n == nil {
		return
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%s must be a mapping, not %s", what, describe(n))
		return
	}
	seen := make(map[string]*yaml.Node)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.AliasNode || k.Tag == "!!merge" {
			d.errorf(k, "merge keys and aliased keys are not supported in a model")
			continue
		}
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, "a key in %s must be a string, not %s", what, describe(k))
			continue
		}
		if first, dup := seen[k.Value]; dup {
			d.errorf(k, "duplicate key %q in %s (first at line %d)", k.Value, what, first.Line)
			continue
		}
		seen[k.Value] = k
		if !slices.Contains(known, k.Value) {
			d.errorf(k, "unknown key %q in %s%s", k.Value, what, didYouMean(k.Value, known))
			continue
		}
		if v = d.resolve(v); v != nil {
			f(k.Value, v)
		}
	}
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	switch n.Tag {
	case "!!null":
		return "null"
	case "!!str":
		return fmt.Sprintf("the string %q", Clip(n.Value))
	case "!!int", "!!float":
		return "the number " + Clip(n.Value)
	case "!!bool":
		return "the boolean " + n.Value
	}
	return fmt.Sprintf("%q", Clip(n.Value))
}

// str reads a scalar as text. Numbers and booleans are taken as written
// (a label may well be "3"); null, lists and mappings are errors.
func (d *decoder) str(n *yaml.Node, what string) (string, bool) {
	if n.Kind != yaml.ScalarNode || isNull(n) {
		d.errorf(n, "%s must be a string, not %s", what, describe(n))
		return "", false
	}
	if r, bad := control(n.Value); bad {
		d.errs.add(d.pos(n), "%s", controlMsg(what, r))
		return "", false
	}
	return n.Value, true
}

func (d *decoder) boolean(n *yaml.Node, what string) bool {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
		d.errorf(n, "%s must be true or false, not %s", what, describe(n))
		return false
	}
	return n.Value == "true" || n.Value == "True" || n.Value == "TRUE"
}

func (d *decoder) integer(n *yaml.Node, what string) (int, bool) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!int" {
		if v, err := strconv.Atoi(n.Value); err == nil {
			return v, true
		}
	}
	d.errorf(n, "%s must be a whole number, not %s", what, describe(n))
	return 0, false
}

// enum reads a string that must be one of allowed.
func (d *decoder) enum(n *yaml.Node, what string, allowed []string) string {
	s, ok := d.str(n, what)
	if !ok {
		return ""
	}
	if !slices.Contains(allowed, s) {
		d.errorf(n, "unknown %s %q (one of %s)%s", what, s, strings.Join(allowed, ", "), didYouMean(s, allowed))
		return ""
	}
	return s
}

// seq calls f for each item of a list.
func (d *decoder) seq(n *yaml.Node, what string, f func(item *yaml.Node)) {
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "%s must be a list, not %s", what, describe(n))
		return
	}
	for _, item := range n.Content {
		if item = d.resolve(item); item != nil {
			f(item)
		}
	}
}
