package model

import "encoding/json"

// Schema is a JSON Schema (draft 2020-12) of format v1, built from the
// same key lists and enumerations the loader checks, so the two agree.
// Editors use it (yaml-language-server) for completion and to flag unknown
// keys; kviz's own checks (ids that exist, kinds) go further.
func Schema() []byte {
	str := map[string]any{"type": "string"}
	enum := func(desc string, values []string) map[string]any {
		return map[string]any{"description": desc, "enum": values}
	}
	var kinds []string
	for _, k := range Kinds {
		kinds = append(kinds, k.Name)
		kinds = append(kinds, k.Aliases...)
	}
	color := map[string]any{"type": "string", "description": "#rgb, #rrggbb, #rrggbbaa, an SVG colour name, or none",
		"pattern": `^(#([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})|[A-Za-z]+)$`}
	obj := func(desc string, props map[string]any, required ...string) map[string]any {
		o := map[string]any{"type": "object", "description": desc, "properties": props, "additionalProperties": false}
		if len(required) > 0 {
			o["required"] = required
		}
		return o
	}
	nodeStyle := obj("overrides of the theme for one node or group", map[string]any{
		"fill": color, "stroke": color, "color": color,
		"dash":           enum("the border's line", Dashes),
		"font-weight":    enum("the label's weight", FontWeights),
		"label-position": enum("where the label goes", LabelPlaces),
		"shape":          enum("how the node is drawn", Shapes),
		"columns":        map[string]any{"type": "integer", "minimum": 1, "maximum": MaxColumns, "description": "a group's members in a grid this many wide"},
	})
	node := obj("a box in the diagram; with `nodes`, a group", map[string]any{
		"id":       map[string]any{"type": "string", "pattern": idPattern.String(), "description": "unique in the file"},
		"kind":     map[string]any{"description": "a kind of the catalogue, or an alias", "enum": kinds},
		"label":    map[string]any{"type": []string{"string", "number", "boolean"}, "description": "the text drawn; the kind's name when absent; \"\" for none"},
		"nodes":    map[string]any{"type": "array", "items": map[string]any{"$ref": "#/$defs/node"}},
		"replicas": map[string]any{"type": "integer", "minimum": 1, "description": "more than 1 draws a stack of three"},
		"style":    nodeStyle,
		"icon": map[string]any{"description": "another kind's icon, or an SVG file in the model's folder", "anyOf": []any{
			map[string]any{"enum": kinds},
			map[string]any{"type": "string", "pattern": `(?i)\.svg$`},
		}},
		"tooltip": str,
		"link":    map[string]any{"type": "string", "pattern": `^(https?:|mailto:|[^:]*$)`, "description": "http, https, mailto or relative"},
	}, "id")
	target := map[string]any{"type": "string", "description": "a node id"}
	ends := map[string]any{"oneOf": []any{target, map[string]any{"type": "array", "items": target, "minItems": 1}}}
	edge := obj("an arrow between two nodes; with lists, one from every `from` to every `to`", map[string]any{
		"from":     ends,
		"to":       ends,
		"label":    map[string]any{"type": []string{"string", "number", "boolean"}},
		"style":    enum("the line", Dashes),
		"arrow":    enum("the arrowhead", Arrows),
		"dir":      enum("which ends have arrowheads", Dirs),
		"color":    color,
		"relation": map[string]any{"type": "string", "description": "what the edge means; the legend's name for its style"},
	}, "from", "to")
	schema := obj("a kviz model, format v1", map[string]any{
		"title":     map[string]any{"type": []string{"string", "number"}, "description": "drawn above the diagram"},
		"caption":   map[string]any{"type": []string{"string", "number"}, "description": "drawn under the diagram"},
		"direction": enum("the way edges run", Directions),
		"layout":    enum("the Graphviz engine", Engines),
		"splines":   enum("how edges are drawn: curves, right angles, straight pieces or straight lines", Splines),
		"align": map[string]any{"type": "array", "description": "node ids set on one rank in order; or a list of such rows",
			"items": map[string]any{"anyOf": []any{target, map[string]any{"type": "array", "items": target}}}},
		"theme": enum("the colours", Themes),
		"legend": map[string]any{"description": "a key of the kinds and relations used: true, or where and how wide", "anyOf": []any{
			map[string]any{"type": "boolean"},
			obj("where the legend goes and in how many columns", map[string]any{
				"position": enum("right or under the drawing, or none; by default where it leaves the least empty canvas", LegendPlaces),
				"columns":  map[string]any{"type": "integer", "minimum": 1, "maximum": 100},
			}),
		}},
		"fonts": map[string]any{"type": "array", "description": "font files in the model's folder, used in order for characters the embedded font lacks",
			"items": map[string]any{"type": "string", "pattern": `(?i)\.(ttf|otf|ttc|otc)$`}},
		"lang": map[string]any{"type": "string", "pattern": `^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$`,
			"description": "the language of the text (BCP 47): picks regional forms of Han characters", "examples": Langs},
		"style": obj("the diagram's style", map[string]any{"background": color, "color": color,
			"font-size": map[string]any{"type": "number", "minimum": MinFontSize, "maximum": MaxFontSize,
				"description": "node labels' size in points (12 by default); every other text follows in proportion"}}),
		"nodes": map[string]any{"type": "array", "items": map[string]any{"$ref": "#/$defs/node"}},
		"edges": map[string]any{"type": "array", "items": edge},
		"steps": stepsSchema(obj),
	})
	schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	schema["$id"] = "https://github.com/kviz/kviz/schema/v1.json"
	schema["title"] = "kviz model v1"
	schema["$defs"] = map[string]any{"node": node}
	out, err := json.MarshalIndent(schema, "", "  ")
	if err != nil {
		panic(err) // cannot happen: the schema is built of maps, slices and strings
	}
	return append(out, '\n')
}
