package pdf

// These tests lay out with Graphviz itself.
import _ "github.com/kviz/kviz/layouts/graphviz/wasm"
