package main

import (
	"github.com/kviz/kviz/model"
	"github.com/kviz/kviz/render/icon"
)

// iconReader reads icon files for the model at modelPath: paths relative
// to its folder that stay inside it once symlinks are resolved, and no
// larger than an icon may be.
func iconReader(modelPath string) func(string) ([]byte, error) {
	return model.FolderReader(modelPath, icon.MaxFileBytes)
}
