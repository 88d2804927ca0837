package golden

import (
	"os"
	"path/filepath"
)

// Beside reads the files a test model names (its fonts) from the model's
// folder, as model.Options.ReadFont: the committed test data is trusted,
// so unlike kviz's own reader it does not confine or bound them.
func Beside(modelPath string) func(string) ([]byte, error) {
	dir := filepath.Dir(modelPath)
	return func(rel string) ([]byte, error) { return os.ReadFile(filepath.Join(dir, rel)) }
}
