/**
 * Adds a chart sheet (a tab that is one chart, Insert → Chart → Move Chart → New sheet) to a
 * real .xlsx: the chart sheet, its drawing, a clustered bar chart of the first sheet's
 * verified scores, and the relationships and content types that tie them in. exceljs does not
 * model chart sheets, which is what the copy's last check must catch.
 */
import { unzipSync, zipSync, type Zippable } from "fflate";

const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL = `${NS_R}/`;
const CT = "application/vnd.openxmlformats-officedocument";

/** Returns `xlsx` with one more tab, a chart sheet called `name`, placed last. */
export function addChartSheet(xlsx: Uint8Array, name: string): Uint8Array {
  const files: Record<string, Uint8Array> = unzipSync(xlsx);
  const dec = (p: string): string => new TextDecoder().decode(files[p]);
  const enc = (s: string): Uint8Array => new TextEncoder().encode(s) as Uint8Array;
  const wb = dec("xl/workbook.xml");
  const first = /<sheet\b[^>]*name="([^"]*)"/.exec(wb)?.[1] ?? "Sheet1";
  const range = (col: string): string => `'${first}'!$${col}$5:$${col}$11`;

  files["xl/chartsheets/sheet1.xml"] = enc(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${NS_R}"><sheetPr/><sheetViews><sheetView zoomScale="100" workbookViewId="0"/></sheetViews><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/></chartsheet>`,
  );
  files["xl/chartsheets/_rels/sheet1.xml.rels"] = enc(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}drawing" Target="../drawings/drawing1.xml"/></Relationships>`,
  );
  files["xl/drawings/drawing1.xml"] = enc(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="8670000" cy="6300000"/><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${NS_R}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:absoluteAnchor></xdr:wsDr>`,
  );
  files["xl/drawings/_rels/drawing1.xml.rels"] = enc(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}chart" Target="../charts/chart1.xml"/></Relationships>`,
  );
  files["xl/charts/chart1.xml"] = enc(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_R}"><c:chart><c:plotArea><c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>${range("B")}</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>${range("D")}</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`,
  );
  files["xl/workbook.xml"] = enc(
    wb.replace("</sheets>", `<sheet name="${name}" sheetId="99" r:id="rIdChart1"/></sheets>`),
  );
  files["xl/_rels/workbook.xml.rels"] = enc(
    dec("xl/_rels/workbook.xml.rels").replace(
      "</Relationships>",
      `<Relationship Id="rIdChart1" Type="${REL}chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`,
    ),
  );
  files["[Content_Types].xml"] = enc(
    dec("[Content_Types].xml").replace(
      "</Types>",
      `<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="${CT}.spreadsheetml.chartsheet+xml"/><Override PartName="/xl/drawings/drawing1.xml" ContentType="${CT}.drawing+xml"/><Override PartName="/xl/charts/chart1.xml" ContentType="${CT}.drawingml.chart+xml"/></Types>`,
    ),
  );
  const zippable: Zippable = {};
  for (const [k, v] of Object.entries(files)) zippable[k] = v;
  return zipSync(zippable);
}
