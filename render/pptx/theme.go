package pptx

import "fmt"

// masterXML is the one slide master: a title placeholder, the colour map
// and text styles, in Arial (the metrics of kviz's Liberation Sans).
var masterXML = header + `<p:sldMaster ` + ns + `><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg><p:spTree>` + group +
	`<p:sp><p:nvSpPr><p:cNvPr id="2" name="Title Placeholder"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr>` +
	fmt.Sprintf(`<p:spPr><a:xfrm><a:off x="%d" y="%d"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>`, margin, margin, slideW-2*margin, titleH) +
	`<p:txBody><a:bodyPr anchor="ctr"/><a:lstStyle/><a:p><a:endParaRPr lang="en-US"/></a:p></p:txBody></p:sp>` +
	`</p:spTree></p:cSld>` +
	`<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>` +
	`<p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/></p:sldLayoutIdLst>` +
	fmt.Sprintf(`<p:txStyles><p:titleStyle><a:lvl1pPr algn="ctr"><a:defRPr sz="%d" b="1"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mj-lt"/></a:defRPr></a:lvl1pPr></p:titleStyle>`, titlePoints*100) +
	`<p:bodyStyle><a:lvl1pPr><a:defRPr sz="1800"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mn-lt"/></a:defRPr></a:lvl1pPr></p:bodyStyle>` +
	`<p:otherStyle><a:lvl1pPr><a:defRPr sz="1800"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mn-lt"/></a:defRPr></a:lvl1pPr></p:otherStyle></p:txStyles></p:sldMaster>`

// layoutXML is the one layout: a title only.
var layoutXML = header + `<p:sldLayout ` + ns + ` type="titleOnly" preserve="1"><p:cSld name="Title Only"><p:spTree>` + group +
	`<p:sp><p:nvSpPr><p:cNvPr id="2" name="Title"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr><p:spPr/>` +
	`<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="en-US"/></a:p></p:txBody></p:sp>` +
	`</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>`

// themeXML is a plain theme: black on white, Arial, and the three fill,
// line, effect and background styles a theme must list.
var themeXML = header + `<a:theme ` + nsA + ` name="kviz"><a:themeElements>` +
	`<a:clrScheme name="kviz"><a:dk1><a:srgbClr val="000000"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1>` +
	`<a:dk2><a:srgbClr val="1F2328"/></a:dk2><a:lt2><a:srgbClr val="EEF1F5"/></a:lt2>` +
	`<a:accent1><a:srgbClr val="326CE5"/></a:accent1><a:accent2><a:srgbClr val="D1242F"/></a:accent2><a:accent3><a:srgbClr val="1A7F37"/></a:accent3>` +
	`<a:accent4><a:srgbClr val="9A6700"/></a:accent4><a:accent5><a:srgbClr val="8250DF"/></a:accent5><a:accent6><a:srgbClr val="57606A"/></a:accent6>` +
	`<a:hlink><a:srgbClr val="0969DA"/></a:hlink><a:folHlink><a:srgbClr val="8250DF"/></a:folHlink></a:clrScheme>` +
	`<a:fontScheme name="kviz"><a:majorFont><a:latin typeface="Arial"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>` +
	`<a:minorFont><a:latin typeface="Arial"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme>` +
	`<a:fmtScheme name="kviz"><a:fillStyleLst>` + triple(`<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>`) + `</a:fillStyleLst>` +
	`<a:lnStyleLst>` + triple(`<a:ln w="9525"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>`) + `</a:lnStyleLst>` +
	`<a:effectStyleLst>` + triple(`<a:effectStyle><a:effectLst/></a:effectStyle>`) + `</a:effectStyleLst>` +
	`<a:bgFillStyleLst>` + triple(`<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>`) + `</a:bgFillStyleLst></a:fmtScheme>` +
	`</a:themeElements></a:theme>`

func triple(s string) string { return s + s + s }
