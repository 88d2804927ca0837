package text

import (
	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
)

// TTF is the TrueType file of the face st selects (its size aside), for
// encoders that embed the font, such as PDF. The bytes are shared: do not
// modify them.
func TTF(st Style) []byte {
	return [...][]byte{
		liberationsansregular.TTF, liberationsansbold.TTF,
		liberationsansitalic.TTF, liberationsansbolditalic.TTF,
	}[st.index()]
}
