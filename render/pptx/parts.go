package pptx

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"

	"github.com/kviz/kviz/render"
)

const (
	header = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsA    = `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"`
	nsR    = `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	nsP    = `xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"`
	ns     = nsA + " " + nsR + " " + nsP
	relNS  = "http://schemas.openxmlformats.org/package/2006/relationships"
	docRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	ctNS   = "application/vnd.openxmlformats-officedocument.presentationml."
	// group is the empty group properties every shape tree starts with.
	group = `<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>` +
		`<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>`
)

// esc escapes text for XML.
func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// rels is a relationships part: each entry a type (after docRel) and a
// target, numbered rId1 on.
func rels(entries ...[2]string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s<Relationships xmlns=%q>", header, relNS)
	for i, e := range entries {
		typ := e[0]
		if !strings.HasPrefix(typ, "http") {
			typ = docRel + typ
		}
		fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="%s" Target="%s"/>`, i+1, typ, e[1])
	}
	b.WriteString("</Relationships>")
	return b.Bytes()
}

// fixedParts are the parts every deck has, and those that list its slides.
func fixedParts(slides []Slide) []part {
	n := len(slides)
	var types, ids strings.Builder
	presRels := [][2]string{{"slideMaster", "slideMasters/slideMaster1.xml"}, {"theme", "theme/theme1.xml"}}
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&types, `<Override PartName="/ppt/slides/slide%d.xml" ContentType="%sslide+xml"/>`, i, ctNS)
		fmt.Fprintf(&ids, `<p:sldId id="%d" r:id="rId%d"/>`, 255+i, i+2)
		presRels = append(presRels, [2]string{"slide", fmt.Sprintf("slides/slide%d.xml", i)})
	}
	title := slides[0].Scene.Title
	return []part{
		{"[Content_Types].xml", []byte(header + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Default Extension="png" ContentType="image/png"/>` +
			`<Override PartName="/ppt/presentation.xml" ContentType="` + ctNS + `presentation.main+xml"/>` +
			`<Override PartName="/ppt/slideMasters/slideMaster1.xml" ContentType="` + ctNS + `slideMaster+xml"/>` +
			`<Override PartName="/ppt/slideLayouts/slideLayout1.xml" ContentType="` + ctNS + `slideLayout+xml"/>` +
			`<Override PartName="/ppt/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>` +
			`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
			`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
			types.String() + `</Types>`)},
		{"_rels/.rels", rels([2]string{"officeDocument", "ppt/presentation.xml"},
			[2]string{"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"},
			[2]string{"extended-properties", "docProps/app.xml"})},
		{"docProps/core.xml", []byte(header + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
			`xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>` + esc(title) + `</dc:title><dc:creator>kviz</dc:creator></cp:coreProperties>`)},
		{"docProps/app.xml", []byte(header + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
			fmt.Sprintf(`<Application>kviz</Application><Slides>%d</Slides></Properties>`, n))},
		{"ppt/presentation.xml", []byte(header + `<p:presentation ` + ns + `>` +
			`<p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>` +
			`<p:sldIdLst>` + ids.String() + `</p:sldIdLst>` +
			fmt.Sprintf(`<p:sldSz cx="%d" cy="%d"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>`, slideW, slideH))},
		{"ppt/_rels/presentation.xml.rels", rels(presRels...)},
		{"ppt/slideMasters/slideMaster1.xml", []byte(masterXML)},
		{"ppt/slideMasters/_rels/slideMaster1.xml.rels", rels([2]string{"slideLayout", "../slideLayouts/slideLayout1.xml"}, [2]string{"theme", "../theme/theme1.xml"})},
		{"ppt/slideLayouts/slideLayout1.xml", []byte(layoutXML)},
		{"ppt/slideLayouts/_rels/slideLayout1.xml.rels", rels([2]string{"slideMaster", "../slideMasters/slideMaster1.xml"})},
		{"ppt/theme/theme1.xml", []byte(themeXML)},
	}
}

func slideRels(n int) []byte {
	return rels([2]string{"slideLayout", "../slideLayouts/slideLayout1.xml"}, [2]string{"image", fmt.Sprintf("../media/image%d.png", n)})
}

// slideXML is a slide: its background the scene's, its title, the
// picture, and its caption.
func slideXML(s Slide, pic placed) []byte {
	var b bytes.Buffer
	b.WriteString(header + `<p:sld ` + ns + `><p:cSld>`)
	if col, ok := render.ParseColor(s.Scene.Background); ok && col.A == 255 {
		fmt.Fprintf(&b, `<p:bg><p:bgPr><a:solidFill><a:srgbClr val="%02X%02X%02X"/></a:solidFill><a:effectLst/></p:bgPr></p:bg>`, col.R, col.G, col.B)
	}
	b.WriteString(`<p:spTree>` + group)
	if s.Title != "" {
		fmt.Fprintf(&b, `<p:sp><p:nvSpPr><p:cNvPr id="2" name="Title"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr>`+
			`<p:spPr><a:xfrm><a:off x="%d" y="%d"/><a:ext cx="%d" cy="%d"/></a:xfrm></p:spPr>`+
			`<p:txBody><a:bodyPr anchor="ctr"><a:normAutofit/></a:bodyPr><a:lstStyle/><a:p><a:r><a:rPr lang="en-US" dirty="0"/><a:t>%s</a:t></a:r></a:p></p:txBody></p:sp>`,
			margin, margin, slideW-2*margin, titleH, esc(s.Title))
	}
	alt := s.Scene.Title
	if s.Title != "" {
		alt = strings.TrimPrefix(alt+": "+s.Title, ": ")
	}
	fmt.Fprintf(&b, `<p:pic><p:nvPicPr><p:cNvPr id="3" name="Diagram" descr="%s"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>`+
		`<p:blipFill><a:blip r:embed="rId2"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>`+
		`<p:spPr><a:xfrm><a:off x="%d" y="%d"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>`,
		esc(alt), pic.x, pic.y, pic.w, pic.h)
	if s.Caption != "" {
		fmt.Fprintf(&b, `<p:sp><p:nvSpPr><p:cNvPr id="4" name="Caption"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>`+
			`<p:spPr><a:xfrm><a:off x="%d" y="%d"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>`+
			`<p:txBody><a:bodyPr wrap="square" anchor="ctr"><a:normAutofit/></a:bodyPr><a:lstStyle/><a:p><a:pPr algn="ctr"/><a:r><a:rPr lang="en-US" sz="1800" dirty="0"/><a:t>%s</a:t></a:r></a:p></p:txBody></p:sp>`,
			margin, slideH-margin-captionH, slideW-2*margin, captionH, esc(s.Caption))
	}
	b.WriteString(`</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>`)
	return b.Bytes()
}
