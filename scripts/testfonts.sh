#!/usr/bin/env bash
# Makes the font subsets in testdata/fonts/ from Debian's Noto fonts
# (fonts-noto-cjk, fonts-noto-core, fonts-noto-color-emoji) with pyftsubset
# (fonttools): only the characters the test models there use, so the
# committed files stay a few KB. Run from the repository root after
# changing a label in testdata/fonts/*.yaml.
set -euo pipefail
out=testdata/fonts
cjk=/usr/share/fonts/opentype/noto
noto=/usr/share/fonts/truetype/noto
# chars SCRIPT... prints the characters of the models in those Unicode
# scripts (name prefixes), once each.
chars() {
	/usr/bin/python3 - "$@" <<'PY'
import sys, unicodedata, glob
text = "".join(open(f, encoding="utf-8").read() for f in sorted(glob.glob("testdata/fonts/*.yaml")))
want = tuple(sys.argv[1:])
print("".join(sorted({c for c in text if unicodedata.name(c, "").startswith(want)})), end="")
PY
}
sub() { # sub FONT INDEX OUTPUT TEXT (and the space, which every font has)
	pyftsubset "$1" --font-number="$2" --output-file="$out/$3" --text=" $4" \
		--layout-features='*' --no-hinting --desubroutinize --name-IDs='*' --notdef-outline
}
han="$(chars CJK) 直API" # and Latin letters, as the real font has: Liberation Sans must still win them
sub $cjk/NotoSansCJK-Regular.ttc 2 NotoSansSC-subset.otf "$han"
sub $cjk/NotoSansCJK-Bold.ttc 2 NotoSansSC-Bold-subset.otf "$han"
sub $cjk/NotoSansCJK-Regular.ttc 0 NotoSansJP-subset.otf "$(chars KATAKANA HIRAGANA) 直"
sub $cjk/NotoSansCJK-Regular.ttc 1 NotoSansKR-subset.otf "$(chars HANGUL)"
sub $noto/NotoSansArabic-Regular.ttf 0 NotoSansArabic-subset.ttf "$(chars ARABIC)"
sub $noto/NotoSansDevanagari-Regular.ttf 0 NotoSansDevanagari-subset.ttf "$(chars DEVANAGARI)"
sub $noto/NotoSansThai-Regular.ttf 0 NotoSansThai-subset.ttf "$(chars THAI)"
sub $noto/NotoColorEmoji.ttf 0 NotoColorEmoji-subset.ttf "🚀✅"
