import { strFromU8, unzipSync } from "fflate";
import { toOfficialDocument, type ConferenceDocument } from "../../src/core";
import { columnPt } from "../../src/core/sheet-model";
import { documentSheet } from "../../src/core/document-sheet";
import { textWidthPt } from "../../src/core/text-width";
import { renderDocx } from "../../src/docx/render-docx";

/**
 * Issue 12: the two-signature documents (THƯ KÝ / CHỦ TRÌ) leave room to sign under the titles,
 * and their closing sentence comes before the signatures, not under the names.
 */
const minutes: ConferenceDocument = {
  kind: "minutes",
  header: {
    parentBody: "Bộ Khoa học và Công nghệ",
    issuingBody: "Cụm thi đua số 8",
    numberLine: null,
    dateLine: "Long An, ngày 14 tháng 3 năm 2026",
    subject: null,
  },
  title: ["BIÊN BẢN", "Họp bình xét thi đua, khen thưởng năm 2025"],
  recipients: [],
  blocks: [
    { kind: "heading", text: "I. THỜI GIAN, ĐỊA ĐIỂM" },
    { kind: "paragraph", text: "1. Thời gian: 14 giờ 00." },
    { kind: "paragraph", text: "Hội nghị kết thúc cùng ngày; biên bản đã được thông qua trước Hội nghị./." },
  ],
  places: [],
  signatures: [
    { title: ["THƯ KÝ"], name: "Trần Thị Bình" },
    { title: ["CHỦ TRÌ"], name: "Nguyễn Văn An" },
  ],
};

describe("two signers side by side", () => {
  it("the model puts the closing sentence before the signatures, kept with them", () => {
    const doc = toOfficialDocument(minutes);
    expect(doc.closing).toBeUndefined();
    const tail = doc.body.slice(-2);
    expect(tail[0]).toEqual({
      kind: "paragraph",
      text: "Hội nghị kết thúc cùng ngày; biên bản đã được thông qua trước Hội nghị./.",
      keepWithNext: true,
    });
    expect(tail[1]?.kind).toBe("signatures");
  });

  it("one signer keeps the closing with Nơi nhận and the signing block, as before", () => {
    const doc = toOfficialDocument({ ...minutes, signatures: [{ title: ["TM. CỤM"], name: "A" }] });
    expect(doc.closing).toMatch(/\.\/\.$/);
    expect(doc.body.some((b) => b.kind === "signatures")).toBe(false);
  });

  it("the Word file leaves 2.5 cm of exact height to sign under each title, before the name", async () => {
    const xml = strFromU8(unzipSync(await renderDocx(toOfficialDocument(minutes)))["word/document.xml"]!);
    // 2.5 cm = 1417 twips, an exact line: no font or default size can shrink it.
    const rooms = xml.match(/<w:spacing [^>]*w:line="1417"[^>]*w:lineRule="exact"/g) ?? [];
    expect(rooms).toHaveLength(2);
    for (const [title, name] of [
      ["THƯ KÝ", "Trần Thị Bình"],
      ["CHỦ TRÌ", "Nguyễn Văn An"],
    ] as const) {
      const between = xml.slice(xml.indexOf(title), xml.indexOf(name));
      expect(between).toMatch(/w:line="1417"/);
    }
    // The closing sentence is printed before the first signature title.
    expect(xml.indexOf("trước Hội nghị./.")).toBeLessThan(xml.indexOf("THƯ KÝ"));
  });
});

describe("the conference's sheets through the shared renderer", () => {
  it("a merged span is wrapped at the width the printer gives, so the nation line is never clipped", () => {
    // The count minutes' 5-column table cuts the header's right half into several columns; each
    // prints up to a pixel (0.75 pt) narrower than its width in points.
    const table: ConferenceDocument["blocks"][number] = {
      kind: "table",
      header: ["STT", "Đơn vị", "Số phiếu đồng ý", "Tỷ lệ (%)", "Kết quả"],
      rows: [[1, "Sở KH&CN Long An", "8/9", "88,89", "Đạt, đề nghị"]],
      textColumns: [1, 4],
    };
    const sheet = documentSheet(toOfficialDocument({ ...minutes, blocks: [table, ...minutes.blocks] }), {
      sheetName: "Biên bản kiểm phiếu",
    });
    const nation = sheet.cells.find((c) => c.value === "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    if (!nation) throw new Error("no nation line");
    const merge = sheet.merges.find((m) => m.r1 === nation.row && m.c1 === nation.col);
    if (!merge) throw new Error("the nation line is not merged");
    const cols = merge.c2 - merge.c1 + 1;
    const printed =
      sheet.columnWidths.slice(merge.c1, merge.c2 + 1).reduce((a, w) => a + columnPt(w), 0) -
      0.75 * (cols - 1) -
      5;
    const oneLine = textWidthPt("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, { bold: true }) <= printed;
    // Either it fits one line at the printed width, or its row holds two lines of 12 pt.
    if (!oneLine) expect(sheet.rowHeights[nation.row] ?? 0).toBeGreaterThanOrEqual(2 * 12 * 1.15);
    expect(cols).toBeGreaterThan(2);
  });
});
