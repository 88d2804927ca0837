package model

import (
	"go.yaml.in/yaml/v3"
)

// MaxColumns is the widest grid a group's `columns` may ask for.
const MaxColumns = 1000

// columns reads a group style's `columns`: a whole number from 1 up.
func (d *decoder) columns(v *yaml.Node) int {
	c, ok := d.integer(v, "columns")
	if !ok {
		return 0
	}
	if c < 1 || c > MaxColumns {
		d.errorf(v, "columns must be from 1 to %d, not %d", MaxColumns, c)
		return 0
	}
	return c
}

// align reads `align`: one row of node ids (`[a, b, c]`), or a list of
// rows (`[[a, b], [c, d]]`). Each row is set on one rank, in order. An id
// must name a node that is not a group, in at most one row.
func (d *decoder) align(v *yaml.Node) [][]string {
	var rows [][]*yaml.Node
	var flat []*yaml.Node
	d.seq(v, "align", func(item *yaml.Node) {
		if item.Kind == yaml.SequenceNode {
			var row []*yaml.Node
			d.seq(item, "an align row", func(id *yaml.Node) { row = append(row, id) })
			rows = append(rows, row)
		} else {
			flat = append(flat, item)
		}
	})
	if len(flat) > 0 && len(rows) > 0 {
		d.errorf(v, "align is one row of ids or a list of rows, not both")
		return nil
	}
	if len(flat) > 0 {
		rows = [][]*yaml.Node{flat}
	}
	seen := map[string]Pos{}
	var out [][]string
	for _, row := range rows {
		var ids []string
		for _, item := range row {
			id := d.ref(item, "align")
			n := d.m.byID[id]
			switch {
			case n == nil:
				continue
			case n.IsGroup:
				d.errorf(item, "align: %q is a group; align its members, or give it style: {columns: N}", id)
				continue
			}
			if p, dup := seen[id]; dup {
				d.errorf(item, "align: %q is aligned twice (first at %d:%d)", id, p.Line, p.Col)
				continue
			}
			seen[id] = d.pos(item)
			ids = append(ids, id)
		}
		if len(ids) > 1 {
			out = append(out, ids)
		}
	}
	return out
}

// The places a legend can go, and its keys.
var (
	LegendPlaces = []string{"right", "bottom", "none"}
	legendKeys   = []string{"position", "columns"}
)

// legend reads `legend`: true or false, or {position, columns}.
func (d *decoder) legend(m *Model, v *yaml.Node) {
	if v.Kind != yaml.MappingNode {
		m.Legend = d.boolean(v, "legend")
		return
	}
	m.Legend = true
	d.fields(v, "the legend", legendKeys, func(key string, v *yaml.Node) {
		switch key {
		case "position":
			switch p := d.enum(v, "legend position", LegendPlaces); p {
			case "none":
				m.Legend = false
			default:
				m.LegendAt = p
			}
		case "columns":
			if c, ok := d.integer(v, "legend columns"); ok {
				if c < 1 || c > 100 {
					d.errorf(v, "legend columns must be from 1 to 100, not %d", c)
				} else {
					m.LegendCol = c
				}
			}
		}
	})
}
