package text

import "testing"

// BenchmarkWidthLatin measures the fast path every existing model takes:
// it must stay as fast as measuring with golang.org/x/image alone.
func BenchmarkWidthLatin(b *testing.B) {
	st := Style{Size: 12}
	for b.Loop() {
		Width("kube-controller-manager", st)
		Width("Cloud provider API", st)
	}
}

func BenchmarkWidthCJK(b *testing.B) {
	st := Style{Size: 12, Fonts: allFonts(b)}
	for b.Loop() {
		Width("控制平面", st)
		Width("API 服务器", st)
	}
}
