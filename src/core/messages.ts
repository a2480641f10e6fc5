import type { ColumnRole, CountName, Issue, IssueCode, IssueOf } from "./issues";
import { formatNumber } from "./text";
import type { Lang } from "./types";

/**
 * Every user-facing text of the engine, in Vietnamese and English, in one table that the CLI,
 * the custom functions and the task pane all render from. Messages say what is wrong and what
 * to do; the cell address is shown beside them by each renderer.
 */

export const ROLE_NAMES: Readonly<Record<ColumnRole, Record<Lang, string>>> = {
  stt: { vi: "STT", en: "No." },
  unit: { vi: "Đơn vị", en: "Unit" },
  self: { vi: "Điểm tự chấm", en: "Self score" },
  verified: { vi: "Điểm chấm thẩm định", en: "Verified score" },
  max: { vi: "Điểm tối đa", en: "Maximum" },
  bonus: { vi: "Điểm thưởng", en: "Bonus" },
  deduction: { vi: "Điểm trừ", en: "Deduction" },
  classification: { vi: "Xếp loại", en: "Classification" },
  rank: { vi: "Hạng", en: "Rank" },
  note: { vi: "Ghi chú", en: "Note" },
  veto: { vi: "Không xét (vi phạm)", en: "Excluded (veto)" },
  total: { vi: "Tổng điểm", en: "Total" },
};

type Render<C extends IssueCode> = (i: IssueOf<C>, n: (x: number) => string) => string;
type MessageTable = { readonly [C in IssueCode]: { readonly vi: Render<C>; readonly en: Render<C> } };

const role = (r: ColumnRole, lang: Lang): string => ROLE_NAMES[r][lang];
const list = (xs: readonly string[]): string => xs.join(", ");

export const ISSUE_MESSAGES: MessageTable = {
  "no-table": {
    vi: (i) =>
      `Không tìm thấy bảng điểm trên trang "${i.sheet}". Cần một dòng tiêu đề có cột "Đơn vị" và cột "Điểm tự chấm" hoặc "Điểm chấm thẩm định".`,
    en: (i) =>
      `No score table found on sheet "${i.sheet}". It needs a header row with a "Unit" column and a "Self score" or "Verified score" column.`,
  },
  "emu-sheet-active": {
    vi: (i) => `Trang "${i.sheet}" do EMU tạo ra, không phải bảng điểm. Hãy mở trang bảng điểm rồi chạy lại.`,
    en: (i) =>
      `Sheet "${i.sheet}" was made by EMU; it is not a score sheet. Open the score sheet and run again.`,
  },
  "no-units": {
    vi: () => "Bảng điểm chưa có đơn vị nào dưới dòng tiêu đề. Hãy nhập tên đơn vị và điểm.",
    en: () => "The score table has no units under its header. Enter the units and their scores.",
  },
  "missing-column": {
    vi: (i) =>
      i.role === "self"
        ? `Thiếu cột điểm: cần cột "Điểm tự chấm" hoặc "Điểm chấm thẩm định" trong dòng tiêu đề.`
        : `Thiếu cột "${role(i.role, "vi")}" trong dòng tiêu đề. Hãy thêm cột hoặc chọn cột trong bảng điều khiển.`,
    en: (i) =>
      i.role === "self"
        ? `Missing score column: the header needs a "Self score" or "Verified score" column.`
        : `Missing the "${role(i.role, "en")}" column in the header. Add it or map it in the panel.`,
  },
  "missing-unit-name": {
    vi: () => "Dòng có điểm nhưng thiếu tên đơn vị. Hãy nhập tên đơn vị.",
    en: () => "This row has scores but no unit name. Enter the unit's name.",
  },
  "duplicate-unit": {
    vi: (i) => `Đơn vị "${i.unit}" bị trùng với đơn vị ở ô ${i.firstAddress}. Hãy xóa hoặc sửa một dòng.`,
    en: (i) =>
      `Unit "${i.unit}" duplicates the unit at ${i.firstAddress}. Remove or correct one of the rows.`,
  },
  "missing-score": {
    vi: (i) => `Thiếu ${role(i.role, "vi").toLowerCase()}${i.unit ? ` của "${i.unit}"` : ""}. Hãy nhập điểm.`,
    en: (i) =>
      `Missing ${role(i.role, "en").toLowerCase()}${i.unit ? ` for "${i.unit}"` : ""}. Enter the score.`,
  },
  "not-a-number": {
    vi: (i) => `"${i.text}" không phải là số. Hãy nhập điểm bằng số, ví dụ 962,5.`,
    en: (i) => `"${i.text}" is not a number. Enter the score as a number, e.g. 962.5.`,
  },
  "negative-score": {
    vi: (i, n) => `Điểm ${n(i.value)} là số âm. Điểm phải từ 0 trở lên.`,
    en: (i, n) => `Score ${n(i.value)} is negative. Scores must be 0 or more.`,
  },
  "score-above-max": {
    vi: (i, n) => `Điểm ${n(i.value)} vượt điểm tối đa ${n(i.max)}. Hãy kiểm tra lại điểm.`,
    en: (i, n) => `Score ${n(i.value)} exceeds the maximum of ${n(i.max)}. Check the score.`,
  },
  "verified-above-self": {
    vi: (i, n) =>
      `Điểm thẩm định ${n(i.verified)} cao hơn điểm tự chấm ${n(i.self)}. Kiểm tra lại nếu quy chế không cho phép chấm tăng.`,
    en: (i, n) =>
      `Verified score ${n(i.verified)} is higher than the self score ${n(i.self)}. Check it unless the rules allow raising scores.`,
  },
  "cell-error": {
    vi: (i) => `Ô đang báo lỗi ${i.error}. Hãy sửa công thức hoặc nhập giá trị.`,
    en: (i) => `The cell shows the error ${i.error}. Fix the formula or enter a value.`,
  },
  "text-number": {
    vi: (i, n) => `Số "${i.text}" đang lưu dạng văn bản; EMU đọc là ${n(i.value)}.`,
    en: (i, n) => `The number "${i.text}" is stored as text; EMU reads it as ${n(i.value)}.`,
  },
  "decimal-comma": {
    vi: (i, n) => `"${i.text}" dùng dấu phẩy thập phân; EMU đọc là ${n(i.value)}.`,
    en: (i, n) => `"${i.text}" uses a decimal comma; EMU reads it as ${n(i.value)}.`,
  },
  "legacy-encoding": {
    vi: (i) =>
      `"${i.text}" là chữ mã ${i.encoding === "tcvn3" ? "TCVN3 (ABC)" : "VNI"} cũ; EMU dùng "${i.suggestion}". Nên sửa ô thành chữ Unicode.`,
    en: (i) =>
      `"${i.text}" is legacy ${i.encoding === "tcvn3" ? "TCVN3 (ABC)" : "VNI"} text; EMU uses "${i.suggestion}". Consider retyping it in Unicode.`,
  },
  "non-nfc": {
    vi: (i) => `"${i.text}" dùng Unicode tổ hợp (NFD); EMU chuẩn hóa về dựng sẵn (NFC) khi so sánh.`,
    en: (i) => `"${i.text}" uses decomposed Unicode (NFD); EMU normalises it to NFC when comparing.`,
  },
  "total-mismatch": {
    vi: (i, n) =>
      i.visibleOnly
        ? `Dòng tổng cột "${role(i.role, "vi")}" (hàm SUBTOTAL/AGGREGATE, có dòng đang ẩn) ghi ${n(i.actual)} nhưng cộng các dòng đang hiện được ${n(i.expected)}.`
        : `Dòng tổng cột "${role(i.role, "vi")}" ghi ${n(i.actual)} nhưng cộng các dòng bên trên được ${n(i.expected)}.`,
    en: (i, n) =>
      i.visibleOnly
        ? `The total row of "${role(i.role, "en")}" (a SUBTOTAL/AGGREGATE formula, with hidden rows) says ${n(i.actual)} but the visible rows add up to ${n(i.expected)}.`
        : `The total row of "${role(i.role, "en")}" says ${n(i.actual)} but the rows above add up to ${n(i.expected)}.`,
  },
  "basis-self": {
    vi: () => "Chưa có điểm chấm thẩm định: xếp hạng tạm tính theo điểm tự chấm.",
    en: () => "No verified scores yet: the ranking is provisional, on self scores.",
  },
  "parent-sum-mismatch": {
    vi: (i, n) =>
      `Tiêu chí ${i.criterion} ghi ${n(i.actual)} điểm nhưng tổng các tiêu chí con là ${n(i.expected)}.`,
    en: (i, n) =>
      `Criterion ${i.criterion} says ${n(i.actual)} points but its sub-criteria add up to ${n(i.expected)}.`,
  },
  "max-sum-mismatch": {
    vi: (i, n) =>
      `Điểm tối đa của tiêu chí ${i.criterion} là ${n(i.actual)} nhưng các tiêu chí con cộng lại ${n(i.expected)}. Hãy kiểm tra thang điểm.`,
    en: (i, n) =>
      `Criterion ${i.criterion} has a maximum of ${n(i.actual)} but its sub-criteria's maxima add up to ${n(i.expected)}. Check the scale.`,
  },
  "bonus-above-cap": {
    vi: (i, n) => `Tổng điểm thưởng ${n(i.value)} vượt mức tối đa ${n(i.max)}; EMU chỉ tính ${n(i.max)}.`,
    en: (i, n) => `Bonus points total ${n(i.value)}, above the cap of ${n(i.max)}; EMU counts ${n(i.max)}.`,
  },
  "pass-fail-partial": {
    vi: (i, n) =>
      `Tiêu chí ${i.criterion} chấm đạt/không đạt: chỉ được 0 hoặc ${n(i.max)} điểm, không phải ${n(i.value)}.`,
    en: (i, n) => `Criterion ${i.criterion} is pass/fail: it scores 0 or ${n(i.max)}, not ${n(i.value)}.`,
  },
  "summary-mismatch": {
    vi: (i, n) =>
      `${role(i.role, "vi")} của "${i.unit}" ghi ${n(i.actual)} nhưng bảng chấm chi tiết (${i.source}) cho ${n(i.expected)}. EMU không tự sửa: hãy kiểm tra và sửa một trong hai.`,
    en: (i, n) =>
      `The ${role(i.role, "en").toLowerCase()} of "${i.unit}" says ${n(i.actual)} but the detailed sheet (${i.source}) gives ${n(i.expected)}. EMU does not change it: check and correct one of them.`,
  },
  "unit-not-in-summary": {
    vi: (i) => `"${i.unit}" có bảng chấm chi tiết (trang "${i.source}") nhưng không có trong bảng tổng hợp.`,
    en: (i) => `"${i.unit}" has a detailed sheet ("${i.source}") but is not in the summary.`,
  },
  "no-form": {
    vi: (i) =>
      `Tệp "${i.source}" không có phiếu tự chấm: cần một trang có các cột TT, Nội dung tiêu chí, Điểm tối đa và Điểm tự chấm, như phiếu EMU tạo ra. Chưa tổng hợp tệp này.`,
    en: (i) =>
      `"${i.source}" holds no self-scoring form: it needs a sheet with the columns No., Criterion, Maximum and Self score, as EMU's forms have. This file was not consolidated.`,
  },
  "criteria-differ": {
    vi: (i) =>
      `Phiếu của "${i.unit}" (${i.source}) có danh mục tiêu chí khác với của Cụm (${i.detail}); chưa tổng hợp phiếu này.`,
    en: (i) =>
      `The form of "${i.unit}" (${i.source}) has a different criteria list from the cluster's (${i.detail}); it was not consolidated.`,
  },
  "needs-deliberation": {
    vi: (i) =>
      `${list(i.units)} đồng hạng ${i.rank} nhưng ${i.award} chỉ còn ${i.slots} suất: cần Hội nghị bình xét hoặc biểu quyết.`,
    en: (i) =>
      `${list(i.units)} are tied at rank ${i.rank} but ${i.award} has only ${i.slots} place(s) left: the meeting must deliberate or vote.`,
  },
  "veto-applied": {
    vi: (i) => `"${i.unit}" có vi phạm nên xếp loại "${i.label}" và không được đề nghị khen thưởng.`,
    en: (i) => `"${i.unit}" is vetoed: classified "${i.label}" and not proposed for awards.`,
  },
  "rules-invalid": {
    vi: (i) => `Quy tắc không hợp lệ ở mục "${i.path}": ${i.detail}.`,
    en: (i) => `Invalid rules at "${i.path}": ${i.detail}.`,
  },
  "kept-user-value": {
    vi: (i) =>
      `Ô đang có "${i.value}" do người dùng nhập nên EMU không ghi đè; kết quả tính được là "${i.proposed}". Xóa ô nếu muốn EMU điền.`,
    en: (i) =>
      `The cell holds "${i.value}", typed by a user, so EMU left it; the computed result is "${i.proposed}". Clear the cell to let EMU fill it.`,
  },
  "mapping-invalid": {
    vi: (i) => `Cột "${i.column}" chọn cho "${role(i.role, "vi")}" không hợp lệ.`,
    en: (i) => `Column "${i.column}" chosen for "${role(i.role, "en")}" is not valid.`,
  },
  "example-unit": {
    vi: (i) =>
      `"${i.unit}" là đơn vị ví dụ của bảng điểm mẫu: thay bằng tên và điểm của một đơn vị trong Cụm, hoặc xóa dòng này trước khi ghi kết quả và thông báo.`,
    en: (i) =>
      `"${i.unit}" is an example unit of the sample table: replace it with a member's name and scores, or delete the row, before writing the results and the notice.`,
  },
  "unknown-member": {
    vi: (i) =>
      `"${i.unit}" không khớp đơn vị nào trong danh sách "${i.sheet}". Hãy sửa tên, hoặc thêm đơn vị (hay tên viết tắt) vào danh sách.`,
    en: (i) =>
      `"${i.unit}" matches no member in the list "${i.sheet}". Correct the name, or add the member (or its short name) to the list.`,
  },
  "bad-date": {
    vi: (i) =>
      `"${i.text}" không phải là ngày. Hãy nhập ngày kiểu Excel hoặc dạng dd/mm/yyyy, ví dụ 14/12/2023.`,
    en: (i) => `"${i.text}" is not a date. Enter an Excel date or dd/mm/yyyy, e.g. 14/12/2023.`,
  },
  "not-a-member": {
    vi: (i) =>
      `"${i.unit}" trên trang theo dõi không có trong danh sách "${i.sheet}" nên không được tính. Hãy sửa tên cho khớp.`,
    en: (i) =>
      `"${i.unit}" on the tracking sheet is not in the list "${i.sheet}", so it is not counted. Correct the name to match.`,
  },
  "no-count-table": {
    vi: (i) =>
      `Không tìm thấy bảng kiểm phiếu trên trang "${i.sheet}". Cần dòng tiêu đề "STT | Đơn vị | <tên khen thưởng> …" (ví dụ "Cờ thi đua", "Bằng khen") hoặc "Phiếu số | <tên đơn vị> …".`,
    en: (i) =>
      `No vote count table found on sheet "${i.sheet}". It needs a header "No. | Unit | <award> …" (e.g. "Cờ thi đua", "Bằng khen") or "Ballot no. | <unit> …".`,
  },
  "vote-count-inconsistent": {
    vi: (i, n) =>
      `${countName(i.count, "vi")} (${n(i.value)}) lớn hơn ${countName(i.limit, "vi").toLowerCase()} (${n(i.limitValue)}). Hãy kiểm tra lại biên bản kiểm phiếu.`,
    en: (i, n) =>
      `${countName(i.count, "en")} (${n(i.value)}) is more than ${countName(i.limit, "en").toLowerCase()} (${n(i.limitValue)}). Check the count.`,
  },
  "vote-count-mismatch": {
    vi: (i, n) =>
      `${countName(i.count, "vi")} ghi ${n(i.value)} nhưng đếm từ các phiếu được ${n(i.expected)}. Hãy kiểm tra lại.`,
    en: (i, n) =>
      `${countName(i.count, "en")} says ${n(i.value)} but the ballots counted give ${n(i.expected)}. Check it.`,
  },
  "vote-not-whole": {
    vi: (i, n) => `Số phiếu ${n(i.value)} không phải số nguyên không âm. Hãy nhập số phiếu, ví dụ 7.`,
    en: (i, n) => `${n(i.value)} is not a whole number of votes. Enter a count such as 7.`,
  },
  "votes-above-valid": {
    vi: (i, n) =>
      `"${i.unit}" được ${n(i.votes)} phiếu đồng ý cho ${i.award}, nhiều hơn ${countName(i.limit, "vi").toLowerCase()} (${n(i.limitValue)}). Hãy kiểm tra lại.`,
    en: (i, n) =>
      `"${i.unit}" has ${n(i.votes)} agreeing votes for ${i.award}, more than the ${countName(i.limit, "en").toLowerCase()} (${n(i.limitValue)}). Check it.`,
  },
  "vote-base-missing": {
    vi: (i) =>
      `Quy tắc biểu quyết tính trên ${countName(i.count, "vi").toLowerCase()} nhưng trang kiểm phiếu chưa ghi số này. Hãy điền ô "${countName(i.count, "vi")}".`,
    en: (i) =>
      `The vote rule counts against the ${countName(i.count, "en").toLowerCase()}, but the count sheet does not give it. Fill in "${countName(i.count, "vi")}".`,
  },
  "vote-unknown-candidate": {
    vi: (i) =>
      `"${i.unit}" (${i.award}) không có trong bảng xếp hạng: EMU không kiểm tra được điều kiện khen thưởng. Hãy kiểm tra tên đơn vị.`,
    en: (i) =>
      `"${i.unit}" (${i.award}) is not in the ranking: EMU cannot check its eligibility. Check the unit's name.`,
  },
  "vote-not-eligible": {
    vi: (i) =>
      i.reason === "veto"
        ? `"${i.unit}" có vi phạm nên không đủ điều kiện đề nghị ${i.award}; EMU không chọn dù đủ phiếu.`
        : `"${i.unit}" xếp loại "${i.classification}", dưới mức tối thiểu của ${i.award}; EMU không chọn dù đủ phiếu.`,
    en: (i) =>
      i.reason === "veto"
        ? `"${i.unit}" is vetoed, so it is not eligible for ${i.award}; EMU does not elect it whatever the votes.`
        : `"${i.unit}" is classified "${i.classification}", below the minimum for ${i.award}; EMU does not elect it whatever the votes.`,
  },
  "vote-tie": {
    vi: (i, n) =>
      `${list(i.units)} cùng được ${n(i.votes)} phiếu nhưng ${i.award} chỉ còn ${i.slots} suất: cần bỏ phiếu vòng hai giữa các đơn vị này.`,
    en: (i, n) =>
      `${list(i.units)} have ${n(i.votes)} votes each but ${i.award} has only ${i.slots} place(s) left: a second round between them is needed.`,
  },
  "ballot-invalid": {
    vi: (i, n) =>
      `Phiếu số ${i.ballot} đồng ý ${n(i.marked)} đơn vị cho ${i.award}, quá số được chọn (${n(i.quota)}): phiếu không hợp lệ, không được tính.`,
    en: (i, n) =>
      `Ballot ${i.ballot} agrees with ${n(i.marked)} units for ${i.award}, more than may be chosen (${n(i.quota)}): the ballot is invalid and not counted.`,
  },
  "vote-no-ranking": {
    vi: () =>
      "Không có bảng xếp hạng: EMU kiểm phiếu nhưng không kiểm tra được điều kiện khen thưởng, và đồng phiếu không xếp theo hạng.",
    en: () =>
      "No ranking: EMU counts the votes but cannot check eligibility, and equal votes are not ordered by rank.",
  },
  "formula-not-calculated": {
    vi: () =>
      "Ô có công thức nhưng chưa được tính (tệp chưa từng mở bằng Excel). Hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi chạy lại.",
    en: () =>
      "This cell holds a formula that was never calculated (the file was never opened in Excel). Open the file in Excel or LibreOffice, save it, and run again.",
  },
  "total-column-mismatch": {
    vi: (i, n) =>
      `Tổng điểm ghi ${n(i.actual)} nhưng điểm + điểm thưởng − điểm trừ được ${n(i.expected)}. EMU xếp hạng theo tổng điểm ghi trong bảng; hãy kiểm tra lại ô này.`,
    en: (i, n) =>
      `The total says ${n(i.actual)} but score + bonus − deductions is ${n(i.expected)}. EMU ranks on the total written in the table; check this cell.`,
  },
  "total-computed": {
    vi: (i) =>
      `Bảng không có cột tổng điểm: EMU xếp hạng theo điểm${i.bonus ? " + điểm thưởng" : ""}${i.deduction ? " − điểm trừ" : ""} của từng đơn vị.`,
    en: (i) =>
      `The table has no total column: EMU ranks each unit on its score${i.bonus ? " + bonus" : ""}${i.deduction ? " − deductions" : ""}.`,
  },
  "percent-score": {
    vi: (i, n) =>
      `Cột này ghi điểm dạng phần trăm: EMU đọc ${n(i.value)}% là ${n(i.value)} điểm (không phải ${n(i.value / 100)}).`,
    en: (i, n) =>
      `This column holds percentages: EMU reads ${n(i.value)}% as ${n(i.value)} points (not ${n(i.value / 100)}).`,
  },
  "scale-mismatch": {
    vi: (i, n) =>
      `Điểm trong bảng (cao nhất ${n(i.highest)}) không hợp với thang ${n(i.maxScore)} điểm của quy tắc đang dùng, nên xếp loại sẽ sai. ` +
      (i.preset
        ? `Hãy chọn quy tắc "${i.preset}" (--preset ${i.preset}) hoặc quy tắc đúng thang điểm của bảng.`
        : "Hãy chọn quy tắc đúng thang điểm của bảng (--rules hoặc trang quy tắc)."),
    en: (i, n) =>
      `The scores (highest ${n(i.highest)}) do not fit the ${n(i.maxScore)}-point scale of the rules in use, so the classes would be wrong. ` +
      (i.preset
        ? `Choose the "${i.preset}" rules (--preset ${i.preset}) or rules on the table's scale.`
        : "Choose rules on the table's scale (--rules or a rules sheet)."),
  },
  "second-table": {
    vi: (i) =>
      `Đây là bảng thứ hai trên trang (${i.range}): EMU chỉ xếp hạng bảng thứ nhất, không gộp hai bảng. Để xếp hạng bảng này, chọn vùng của nó: --range ${i.range}, hoặc vùng bảng trong bảng điều khiển.`,
    en: (i) =>
      `This is a second table on the sheet (${i.range}): EMU ranks only the first one and never merges the two. To rank this one, give its range: --range ${i.range}, or the table range in the panel.`,
  },
  "range-invalid": {
    vi: (i) => `Vùng bảng "${i.range}" không hợp lệ: hãy ghi như A1:F20 (gồm cả dòng tiêu đề).`,
    en: (i) => `The table range "${i.range}" is not valid: write it like A1:F20 (header included).`,
  },
  "emu-sheet-edited": {
    vi: (i) =>
      `Trang "${i.sheet}" đã được sửa tay sau lần EMU ghi trước nên EMU chưa ghi đè. Mở bảng EMU (Xếp hạng hoặc Thông báo) để chọn giữ, thay hay giữ một bản sao.`,
    en: (i) =>
      `Sheet "${i.sheet}" was edited by hand after EMU last wrote it, so EMU did not replace it. Open the EMU pane (Results or Notice) to keep it, replace it or keep a copy.`,
  },
};

/** The ballot counts as the count sheet labels them. */
export const COUNT_NAMES: Readonly<Record<CountName, Record<Lang, string>>> = {
  members: { vi: "Số thành viên", en: "Members" },
  present: { vi: "Số có mặt", en: "Members present" },
  issued: { vi: "Số phiếu phát ra", en: "Ballots issued" },
  returned: { vi: "Số phiếu thu về", en: "Ballots returned" },
  valid: { vi: "Số phiếu hợp lệ", en: "Valid ballots" },
  invalid: { vi: "Số phiếu không hợp lệ", en: "Invalid ballots" },
};

function countName(c: CountName, lang: Lang): string {
  return COUNT_NAMES[c][lang];
}

/**
 * The message of an issue in the user's language.
 * @example issueMessage({ code: "not-a-number", severity: "error", text: "abc" }, "vi") //=> "\"abc\" không phải là số. …"
 */
export function issueMessage(issue: Issue, lang: Lang): string {
  const entry = ISSUE_MESSAGES[issue.code] as { vi: Render<IssueCode>; en: Render<IssueCode> };
  return entry[lang](issue as never, (x) => formatNumber(x, lang));
}

/** "Lỗi" / "Cảnh báo" (or English). */
export function severityName(sev: Issue["severity"], lang: Lang): string {
  return sev === "error" ? (lang === "vi" ? "Lỗi" : "Error") : lang === "vi" ? "Cảnh báo" : "Warning";
}
