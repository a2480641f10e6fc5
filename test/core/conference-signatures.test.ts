import { strFromU8, unzipSync } from "fflate";
import { toOfficialDocument, type ConferenceDocument } from "../../src/core";
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
