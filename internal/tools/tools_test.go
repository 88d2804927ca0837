package tools

import (
	"runtime"
	"testing"
)

// TestMissingFailsWhenRequired runs Need for a program no machine has,
// with and without KVIZ_REQUIRE_TOOLS, on a recording TB.
func TestMissingFailsWhenRequired(t *testing.T) {
	for _, c := range []struct {
		env             string
		skipped, failed bool
	}{{"", true, false}, {"1", false, true}, {"0", true, false}} {
		t.Setenv("KVIZ_REQUIRE_TOOLS", c.env)
		r := &recorder{TB: t}
		done := make(chan struct{})
		go func() { // Skip and Fatal end the goroutine they run on
			defer close(done)
			Need(r, "nothing", "kviz-no-such-program")
		}()
		<-done
		if r.skipped != c.skipped || r.failed != c.failed {
			t.Errorf("KVIZ_REQUIRE_TOOLS=%q: skipped %v failed %v, want %v %v", c.env, r.skipped, r.failed, c.skipped, c.failed)
		}
	}
}

type recorder struct {
	testing.TB
	skipped, failed bool
}

func (r *recorder) Helper() {}
func (r *recorder) Skipf(string, ...any) {
	r.skipped = true
	runtime.Goexit()
}
func (r *recorder) Fatalf(string, ...any) {
	r.failed = true
	runtime.Goexit()
}
