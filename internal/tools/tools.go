// Package tools finds the optional programs some tests compare kviz with
// (librsvg's rsvg-convert, Chromium, poppler's pdftoppm). Without one, a
// test skips — unless KVIZ_REQUIRE_TOOLS=1, as CI sets it, where a missing
// tool fails the test: a check that never runs must not look green.
package tools

import (
	"os"
	"os/exec"
	"testing"
)

// Required reports whether KVIZ_REQUIRE_TOOLS=1 turns skips into failures.
func Required() bool { return os.Getenv("KVIZ_REQUIRE_TOOLS") == "1" }

// Need returns the path of the first of names found on PATH. When none is
// found it skips the test, or fails it under KVIZ_REQUIRE_TOOLS=1; install
// names the Debian package that provides it.
func Need(t testing.TB, install string, names ...string) string {
	t.Helper()
	for _, name := range names {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	Missing(t, "%s is not installed (apt-get install %s)", names[0], install)
	return ""
}

// Missing skips the test with the message, or fails it under
// KVIZ_REQUIRE_TOOLS=1. It does not return.
func Missing(t testing.TB, format string, args ...any) {
	t.Helper()
	if Required() {
		t.Fatalf(format+"; KVIZ_REQUIRE_TOOLS=1 makes this a failure", args...)
	}
	t.Skipf(format+"; skipping (KVIZ_REQUIRE_TOOLS=1 makes this a failure)", args...)
}
