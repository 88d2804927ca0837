package main

// kviz lays out with Graphviz, compiled in and run in this process (and in
// its worker processes, the hidden __layout-worker subcommand): importing
// the package makes it the layout every command uses.
import _ "github.com/kviz/kviz/layouts/graphviz/wasm"
