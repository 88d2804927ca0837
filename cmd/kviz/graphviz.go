package main

// kviz lays out with Graphviz, compiled in and run in this process.
import _ "github.com/kviz/kviz/layouts/graphviz/wasm"
