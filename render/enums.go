package render

import (
	"fmt"
	"slices"
)

// checkEnums refuses a text anchor, edge style, arrowhead or direction
// outside its type's constants; "" stands for the default of each.
func (sc *Scene) checkEnums() error {
	if err := checkAnchors("texts", sc.Texts); err != nil {
		return err
	}
	parts := func(where string, nodes []Node, edges []Edge) error {
		for i, n := range nodes {
			if err := checkAnchors(fmt.Sprintf("%snodes[%d].lines", where, i), n.Lines); err != nil {
				return err
			}
			if b := n.Badge; b != nil && !known(b.Text.Anchor, AnchorStart, AnchorMiddle, AnchorEnd) {
				return fmt.Errorf("%snodes[%d].badge: anchor %q", where, i, b.Text.Anchor)
			}
		}
		for i, e := range edges {
			switch {
			case !known(e.Style, LineSolid, LineDashed, LineDotted):
				return fmt.Errorf("%sedges[%d]: style %q", where, i, e.Style)
			case !known(e.Arrow, ArrowNormal, ArrowOpen, ArrowNone):
				return fmt.Errorf("%sedges[%d]: arrow %q", where, i, e.Arrow)
			case !known(e.Dir, DirForward, DirBack, DirBoth, DirNone):
				return fmt.Errorf("%sedges[%d]: dir %q", where, i, e.Dir)
			}
			if err := checkAnchors(fmt.Sprintf("%sedges[%d].lines", where, i), e.Lines); err != nil {
				return err
			}
		}
		return nil
	}
	if err := parts("", sc.Nodes, sc.Edges); err != nil {
		return err
	}
	if l := sc.Legend; l != nil {
		if err := checkAnchors("legend.texts", l.Texts); err != nil {
			return err
		}
		return parts("legend.", l.Nodes, l.Edges)
	}
	return nil
}

func checkAnchors(where string, texts []Text) error {
	for i, t := range texts {
		if !known(t.Anchor, AnchorStart, AnchorMiddle, AnchorEnd) {
			return fmt.Errorf("%s[%d]: anchor %q", where, i, t.Anchor)
		}
	}
	return nil
}

// known reports whether v is "" or one of values.
func known[T ~string](v T, values ...T) bool {
	return v == "" || slices.Contains(values, v)
}
