package render

import (
	"bytes"
	"encoding/json"
	"maps"
	"reflect"
	"strings"
)

// SceneSchema is a JSON Schema (draft 2020-12) of the JSON scene, made
// from the Scene's own types and tags, so the two cannot drift apart.
func SceneSchema() []byte {
	defs := map[string]any{}
	root := structSchema(reflect.TypeFor[sceneJSON](), defs)
	root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	root["$id"] = "https://github.com/kviz/kviz/scene.schema.json"
	root["title"] = "kviz scene"
	root["description"] = "A laid-out kviz diagram, as `kviz render -f json` writes it. Lengths in points, origin top-left, y down; x, y of a box is its top-left corner."
	root["$defs"] = defs
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // "->" as written, not "-\u003e"
	enc.SetIndent("", "  ")
	if err := enc.Encode(root); err != nil {
		panic(err) // maps of strings and numbers always marshal
	}
	return buf.Bytes()
}

// fieldDocs describe the fields, and enums list their values, by
// "Type.json_name".
var (
	fieldDocs = map[string]string{
		"Scene.version":      "the format's version; new fields do not change it",
		"Scene.nodes":        "groups before their members, in model order",
		"Scene.edges":        "in model order",
		"Scene.title":        "the SVG's <title>",
		"Scene.background":   "a colour; absent for transparent",
		"Scene.texts":        "free text: the title and caption",
		"Scene.icons":        "every icon drawn, once per colouring, in order of first use",
		"sceneJSON.lang":     "the language the texts are in (BCP 47), which picks the regional forms of Han characters",
		"sceneJSON.fonts":    "the fonts after the embedded Liberation Sans that draw some text, in fallback order; absent when Liberation Sans draws every text",
		"fontFiles.files":    "whole TTF, OTF or TTC files, base64, each once: a CJK system font makes this tens of megabytes",
		"fontFiles.faces":    "the faces in fallback order: each character is drawn with the first that has it, after Liberation Sans",
		"fontFace.file":      "the index of its file in files",
		"fontFace.index":     "the face's index in a TTC collection; 0 for a single font",
		"fontFace.path":      "the file as the model or the command line named it",
		"Node.kind":          "the catalogue's canonical kind name",
		"Node.parent":        "the enclosing group's id; \"\" at the top level",
		"Node.label_box":     "where the label (a group's title) is drawn, as wide as it measures",
		"Node.shape_box":     "what is drawn besides the label: the front icon on an icon node, else the node's box",
		"Node.plate":         "a group's colour behind its title, hiding edges that cross it",
		"Node.lines":         "the label, line by line",
		"Node.badge":         "a pill over the icon with the count of replicas, when more than three",
		"Icon.name":          "the catalogue kind, or file-<hash> for an icon file",
		"Icon.symbol":        "the id of the entry in icons drawn here",
		"Icon.box":           "the square the front icon fills",
		"Icon.replicas":      "a stack of three copies, each 5 points up and right of the one in front",
		"Symbol.elements":    "vector elements in a 100×100 box, y down",
		"Element.d":          "SVG path data",
		"Element.text":       "drawn bold, centred on x, baseline at y, size high",
		"Edge.label_box":     "where the label is drawn; all zero when there is none",
		"Edge.points":        "a cubic Bézier spline: the start, then three points per segment",
		"Edge.relation":      "what the edge means; the legend's name for its style",
		"Edge.head":          "the arrowhead at `to`",
		"Edge.tail":          "the arrowhead at `from`",
		"Edge.lines":         "the label, line by line",
		"Edge.join":          "where it merges into a trunk drawn by another edge; absent for none",
		"Join.onto":          "the edge whose line it joins, as \"from->to\"; the two are drawn as one from the junction on",
		"Join.index":         "the junction is points[index]; from there to the head (to the tail when tail is true) the line is the other edge's, and a dot marks it",
		"Join.tail":          "the trunk is at the tail end",
		"Arrow.tip":          "where the arrowhead points",
		"Arrow.base":         "the middle of its base, where the line ends",
		"Arrow.open":         "hollow instead of filled",
		"Text.x":             "the anchor point, on the baseline",
		"Paint.dash":         "dash and gap lengths; absent for solid",
		"Paint.radius":       "corner radius",
		"Element.even_odd":   "fill by the even-odd rule",
		"Legend.nodes":       "sample icons and swatches",
		"Legend.edges":       "sample lines",
		"Element.fill":       "absent for none",
		"Element.stroke":     "absent for none",
		"Paint.stroke":       "\"none\" or absent for no outline",
		"Paint.fill":         "\"none\" or absent for no fill",
		"Edge.width":         "stroke width",
		"Paint.stroke_width": "stroke width",
	}
	enums = map[string][]string{
		"Node.shape":  strs(Shapes...),
		"Edge.style":  strs(LineSolid, LineDashed, LineDotted),
		"Edge.arrow":  strs(ArrowNormal, ArrowOpen, ArrowNone),
		"Edge.dir":    strs(DirForward, DirBack, DirBoth, DirNone),
		"Text.anchor": strs(AnchorStart, AnchorMiddle, AnchorEnd),
		"Element.op":  strs(OpPath, OpCircle, OpText),
	}
)

// strs is the values of a string enum as plain strings.
func strs[T ~string](values ...T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}

// schemaOf is the schema of a Go type: structs become $defs entries named
// by their type, referenced from where they are used.
func schemaOf(t reflect.Type, defs map[string]any) map[string]any {
	switch t.Kind() {
	case reflect.Pointer:
		return schemaOf(t.Elem(), defs)
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return map[string]any{"type": "string", "contentEncoding": "base64"}
		}
		return map[string]any{"type": "array", "items": schemaOf(t.Elem(), defs)}
	case reflect.Array: // Point
		return map[string]any{"type": "array", "items": schemaOf(t.Elem(), defs), "minItems": t.Len(), "maxItems": t.Len()}
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int:
		return map[string]any{"type": "integer"}
	case reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Struct:
		name := strings.ToUpper(t.Name()[:1]) + t.Name()[1:] // fontFace is FontFace
		if _, ok := defs[name]; !ok {
			defs[name] = map[string]any{} // placeholder against recursion
			defs[name] = structSchema(t, defs)
		}
		return map[string]any{"$ref": "#/$defs/" + name}
	}
	panic("render: no schema for " + t.String())
}

// structSchema is the schema of a struct type; an embedded struct's
// fields are its own, as encoding/json has them.
func structSchema(t reflect.Type, defs map[string]any) map[string]any {
	props := map[string]any{}
	var required []string
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous {
			inner := structSchema(f.Type.Elem(), defs)
			maps.Copy(props, inner["properties"].(map[string]any))
			req, _ := inner["required"].([]string)
			required = append(required, req...)
			continue
		}
		tag := f.Tag.Get("json")
		if tag == "" || tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		s := schemaOf(f.Type, defs)
		key := t.Name() + "." + name
		if values, ok := enums[key]; ok {
			s = map[string]any{"enum": values}
		}
		if key == "Scene.version" {
			s = map[string]any{"const": SceneVersion}
		}
		if doc, ok := fieldDocs[key]; ok {
			if _, ref := s["$ref"]; ref {
				s = map[string]any{"allOf": []any{s}}
			}
			s["description"] = doc
		}
		props[name] = s
		if !strings.Contains(opts, "omitempty") {
			required = append(required, name)
		}
	}
	out := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		out["required"] = required
	}
	return out
}
