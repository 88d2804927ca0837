package render

// Paths parses path data once: every node that draws an icon repeats its
// symbol's paths, so an encoder keeps one Paths for a whole drawing. The
// zero value is ready to use.
type Paths struct {
	parsed map[string]Path
}

// Parse is ParsePath of d, remembered; ok is false for data that does not
// parse (a scene decoded from JSON has its paths checked already).
func (c *Paths) Parse(d string) (p Path, ok bool) {
	if p, ok := c.parsed[d]; ok {
		return p, true
	}
	p, err := ParsePath(d)
	if err != nil {
		return nil, false
	}
	if c.parsed == nil {
		c.parsed = map[string]Path{}
	}
	c.parsed[d] = p
	return p, true
}
