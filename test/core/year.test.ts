import {
  createMemberList,
  findMember,
  formatDateVi,
  isoDate,
  parseDateCell,
  readMembers,
  serialOf,
  splitTitle,
  statusOf,
  trackingEdits,
  readTracking,
  membersOf,
  buildCall,
  pageBreaks,
  paragraphText,
  SEED_003_CALL_FIELDS,
  type Grid,
} from "../../src/core";

const origin = (sheet: string) => ({ sheet, row: 0, col: 0 });

describe("dates (Excel serials, dd/mm/yyyy)", () => {
  it("reads Excel dates and Vietnamese day-first text; never guesses", () => {
    // 1/1/2024 is serial 45292 (Excel), so 15/12/2023 is 17 days earlier.
    expect(serialOf(2024, 1, 1)).toBe(45292);
    expect(serialOf(2023, 12, 15)).toBe(45275);
    expect(serialOf(1900, 3, 1)).toBe(61);
    expect(serialOf(2024, 2, 29)).toBe(45351);
    expect(serialOf(2023, 2, 29)).toBeNull();
    expect(parseDateCell(45275.75)).toEqual({ kind: "date", serial: 45275 });
    expect(parseDateCell("15/12/2023")).toEqual({ kind: "date", serial: 45275 });
    expect(parseDateCell("5/1/2024")).toEqual({ kind: "date", serial: 45296 }); // 5 January, day first
    expect(parseDateCell("2023-12-15")).toEqual({ kind: "date", serial: 45275 });
    expect(parseDateCell(" 15.12.2023 ")).toEqual({ kind: "date", serial: 45275 });
    expect(parseDateCell("ngày 15 tháng 12 năm 2023")).toEqual({ kind: "date", serial: 45275 });
    expect(parseDateCell("")).toEqual({ kind: "empty" });
    expect(parseDateCell("31/02/2023")).toEqual({ kind: "bad", text: "31/02/2023" });
    expect(parseDateCell("hôm qua")).toEqual({ kind: "bad", text: "hôm qua" });
    expect(parseDateCell(12)).toEqual({ kind: "bad", text: "12" });
    expect(formatDateVi(45275)).toBe("15/12/2023");
    expect(isoDate(45296)).toBe("2024-01-05");
  });

  it("on the deadline is on time; a day after is one day late; nothing is missing", () => {
    expect(statusOf(45275, 45275)).toEqual({ status: "on-time", daysLate: 0 });
    expect(statusOf(45276, 45275)).toEqual({ status: "late", daysLate: 1 });
    expect(statusOf(null, 45275)).toEqual({ status: "missing", daysLate: null });
  });
});

const LIST: Grid = [
  ["DANH SÁCH THÀNH VIÊN"],
  ["TT", "Tên đơn vị", "Viết tắt", "Chức vụ người ký", "Người ký", "Vai trò"],
  [1, "Sở Thông tin và Truyền thông tỉnh Hà Giang", "Sở TT&TT Hà Giang", "GIÁM ĐỐC", "Đỗ Thái Hòa", ""],
  [
    2,
    "Sở Thông tin và Truyền thông tỉnh Lai Châu",
    "Sở TT&TT Lai Châu",
    "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
    "Phạm Quang Cường",
    "Cụm phó",
  ],
  [3, "SỞ TTTT TỈNH HÀ GIANG", "", "GIÁM ĐỐC", "Ai đó", ""],
];

describe("the member list", () => {
  it("is found by its headers under a title; titles split into lines; a repeat is a warning at its cell", () => {
    const { list, issues } = readMembers(LIST, origin("DS"));
    expect(list?.members.map((m) => [m.name, m.short, m.signerTitle, m.signer, m.role])).toEqual([
      ["Sở Thông tin và Truyền thông tỉnh Hà Giang", "Sở TT&TT Hà Giang", ["GIÁM ĐỐC"], "Đỗ Thái Hòa", ""],
      [
        "Sở Thông tin và Truyền thông tỉnh Lai Châu",
        "Sở TT&TT Lai Châu",
        ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"],
        "Phạm Quang Cường",
        "deputy",
      ],
    ]);
    expect(issues).toEqual([
      {
        code: "duplicate-unit",
        severity: "warning",
        cell: { sheet: "DS", row: 4, col: 1 },
        unit: "SỞ TTTT TỈNH HÀ GIANG",
        firstAddress: "DS!B3",
      },
    ]);
    expect(splitTitle("KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC")).toEqual(["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]);
  });

  it("matches a member by its full or short name in any spelling unitKey folds together", () => {
    const members = readMembers(LIST, origin("DS")).list?.members ?? [];
    expect(findMember(members, "SỞ TTTT TỈNH TỈNH HÀ GIANG")?.signer).toBe("Đỗ Thái Hòa");
    expect(findMember(members, "Sở TT&TT Lai Châu")?.signer).toBe("Phạm Quang Cường");
    expect(findMember(members, "Sở TT&TT Sơn La")).toBeNull();
  });

  it("a sheet with only a unit column is a member list when it is named Thành viên cụm, not otherwise", () => {
    const grid: Grid = [
      ["STT", "Đơn vị"],
      [1, "Sở A"],
    ];
    expect(membersOf([{ name: "Thành viên cụm", grid }]).list?.members.map((m) => m.name)).toEqual(["Sở A"]);
    expect(membersOf([{ name: "Khác", grid }]).list).toBeNull();
  });

  it("is created from the score table's units, and never over an existing list", () => {
    const score = {
      name: "Bảng điểm",
      grid: [
        ["STT", "Đơn vị", "Điểm tự chấm"],
        [1, "Sở A", 90],
        [2, "Sở B", 80],
      ],
    };
    const made = createMemberList([score]);
    expect(made.ok && made.model.name).toBe("Thành viên cụm");
    const userSheet = { name: "Thành viên cụm", grid: [["Ghi chú của tôi"]] };
    const beside = createMemberList([score, userSheet]);
    expect(beside.ok && beside.model.name).toBe("Thành viên cụm (2)");
    expect(createMemberList([score, { name: "DS", grid: LIST }])).toEqual({
      ok: false,
      reason: "exists",
      sheet: "DS",
    });
  });
});

describe("tracking edits", () => {
  const grid: Grid = [
    ["Đơn vị", "Ngày nhận", "Tình trạng"],
    ["Sở TT&TT Hà Giang", "", "Chưa nhận"],
    ["Sở TT&TT Lai Châu", "", "gọi điện nhắc 2 lần"],
    ["Sở TT&TT Sơn La", 45270, ""],
  ];
  const table = readTracking(grid, origin("Theo dõi")).table;
  if (!table) throw new Error("not found");

  it("fills blank dates only, rewrites EMU's status texts only, appends a unit with no row", () => {
    const { edits, appended } = trackingEdits(
      table,
      ["SỞ TTTT TỈNH HÀ GIANG", "Sở TT&TT Lai Châu", "Sở TT&TT Sơn La", "Sở TT&TT Lào Cai"],
      45276,
      45275,
      null,
    );
    expect(edits).toEqual([
      { sheet: "Theo dõi", row: 1, col: 1, value: "16/12/2023" },
      { sheet: "Theo dõi", row: 1, col: 2, value: "Trễ hạn" },
      // Lai Châu: the user's note in the status cell stays.
      { sheet: "Theo dõi", row: 2, col: 1, value: "16/12/2023" },
      // Sơn La already has a date: kept. Lào Cai has no row: one is added under the last.
      { sheet: "Theo dõi", row: 4, col: 0, value: "Sở TT&TT Lào Cai" },
      { sheet: "Theo dõi", row: 4, col: 1, value: "16/12/2023" },
    ]);
    expect(appended).toEqual(["Sở TT&TT Lào Cai"]);
  });

  it("a date it cannot read is an error at its cell", () => {
    const bad = readTracking(
      [
        ["Đơn vị", "Ngày nhận"],
        ["Sở A", "15/13/2023"],
      ],
      origin("T"),
    );
    expect(bad.issues).toEqual([
      { code: "bad-date", severity: "error", cell: { sheet: "T", row: 1, col: 1 }, text: "15/13/2023" },
    ]);
  });
});

describe("the call (seed 003) and the page breaks of a document", () => {
  const members =
    readMembers(
      [
        ["STT", "Đơn vị"],
        [1, "Ủy ban nhân dân thành phố Cao Lãnh"],
        [2, "Ủy ban nhân dân thành phố Hồng Ngự"],
        [3, "Ủy ban nhân dân huyện Lấp Vò"],
      ],
      origin("Thành viên cụm"),
    ).list?.members ?? [];

  it("addresses every member, bolds only the deadline, keeps seed 003's signer", () => {
    const doc = buildCall(SEED_003_CALL_FIELDS, members, 45275);
    // Seed 003's Kính gửi, one a line, the last ending with ".".
    expect(doc.recipients).toEqual([
      "- Ủy ban nhân dân thành phố Cao Lãnh;",
      "- Ủy ban nhân dân thành phố Hồng Ngự;",
      "- Ủy ban nhân dân huyện Lấp Vò.",
    ]);
    expect(doc.header.numberLine).toBe("Số:       /CUM1-TĐKT");
    expect(doc.header.subject.startsWith("V/v báo cáo tổng kết công tác thi đua")).toBe(true);
    const bold = doc.paragraphs.flatMap((p) => p.runs.filter((r) => r.bold).map((r) => r.text));
    expect(bold).toEqual(["ngày 15 tháng 12 năm 2023"]);
    expect(doc.signer).toEqual({
      title: ["TM. CỤM THI ĐUA SỐ 01", "CỤM TRƯỞNG", "CHỦ TỊCH UBND THÀNH PHỐ SA ĐÉC"],
      name: "Nguyễn Văn Hon",
    });
    expect(paragraphText(doc.paragraphs[doc.paragraphs.length - 1] ?? { kind: "body", runs: [] })).toMatch(
      /\.\/\.$/,
    );
  });

  it("breaks a page before a row, or before a range that must stay whole", () => {
    // Rows of 300 pt: two fit on a 700 pt page, the third starts the next.
    expect(pageBreaks(4, () => 300, [])).toEqual([2, 4]);
    // Rows 1–2 must stay together (600 pt): they go to the next page as one.
    expect(pageBreaks(3, () => 300, [{ start: 1, end: 2 }])).toEqual([1, 3]);
  });
});

describe("tone marks tell members apart", () => {
  const twins: Grid = [
    ["STT", "Đơn vị", "Tên viết tắt"],
    [1, "Ủy ban nhân dân huyện Tân Thành", "UBND huyện Tân Thành"],
    [2, "Ủy ban nhân dân huyện Tân Thạnh", "UBND huyện Tân Thạnh"],
  ];
  it("Tân Thành and Tân Thạnh are two members; a name typed without accents may match either's spelling", () => {
    const { list, issues } = readMembers(twins, origin("Thành viên cụm"));
    expect(issues).toEqual([]);
    const members = list?.members ?? [];
    expect(findMember(members, "UBND HUYỆN TÂN THẠNH")?.name).toBe("Ủy ban nhân dân huyện Tân Thạnh");
    expect(findMember(members, "UBND huyện Tân Thành")?.name).toBe("Ủy ban nhân dân huyện Tân Thành");
    expect(findMember(members, "UBND huyen Tan Thanh")).not.toBeNull();
  });
});
