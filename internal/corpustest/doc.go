// Package corpustest checks kviz's drawings of real manifests, written by
// others (../shared/corpus), against the relationships their EXPECTED.md
// lists, edge by edge, on the JSON scene. It holds tests only.
package corpustest
