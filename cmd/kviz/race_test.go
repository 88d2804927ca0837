//go:build race

package main

// slowdown is how much slower the race detector makes kviz's own work:
// CPU-time bounds are scaled by it.
const slowdown = 10
