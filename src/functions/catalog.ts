/**
 * The one typed source of the custom functions' metadata. Excel's generated metadata cannot be
 * localised, so the build writes `functions.json` (English) and `functions.vi.json` (Vietnamese)
 * from this table; both share the ids, so a workbook written in one language works in the other.
 * The help texts are written for the person typing the formula: Excel shows them as they type.
 */

export type FnLang = "en" | "vi";
type Text = Readonly<Record<FnLang, string>>;

export interface FnParam {
  readonly name: Text;
  readonly description: Text;
  readonly type: "any" | "number" | "string" | "boolean";
  readonly dimensionality: "scalar" | "matrix";
  readonly optional?: boolean;
}

export interface FnDef {
  /** Stable id, upper case; the code registers the implementation under it. */
  readonly id: string;
  readonly name: Text;
  readonly description: Text;
  readonly parameters: readonly FnParam[];
  readonly result: {
    readonly type: "any" | "number" | "string";
    readonly dimensionality: "scalar" | "matrix";
  };
}

const matrix = (name: Text, description: Text, optional = false): FnParam => ({
  name,
  description,
  type: "any",
  dimensionality: "matrix",
  ...(optional ? { optional: true } : {}),
});

export const FUNCTIONS: readonly FnDef[] = [
  {
    id: "CLASSIFY",
    name: { en: "CLASSIFY", vi: "XEPLOAI" },
    description: {
      en: "Classifies a score (or each score of a range) by the cluster's bands, e.g. 915 → Xuất sắc. A blank cell stays blank.",
      vi: "Xếp loại một điểm (hoặc từng điểm của một vùng) theo các mức của Cụm, ví dụ 915 → Xuất sắc. Ô trống cho kết quả trống.",
    },
    parameters: [
      matrix(
        { en: "score", vi: "diem" },
        { en: "A score, or a range of scores.", vi: "Một điểm, hoặc một vùng điểm." },
      ),
      matrix(
        { en: "bands", vi: "cac_muc" },
        {
          en: "Optional two-column range: minimum score, label (e.g. the bands on the 'Quy tắc xếp loại' sheet). Default: the workbook's rules, else 900/800/700/500 on 1000 points.",
          vi: "Tùy chọn, vùng hai cột: điểm tối thiểu, tên xếp loại (ví dụ bảng mức trên trang 'Quy tắc xếp loại'). Mặc định: quy tắc của sổ, nếu không có thì 900/800/700/500 trên thang 1000.",
        },
        true,
      ),
    ],
    result: { type: "any", dimensionality: "matrix" },
  },
  {
    // Not "RANK": Excel forbids a custom function named like a built-in one in any language.
    id: "RANKOF",
    name: { en: "RANKOF", vi: "XEPHANG" },
    description: {
      en: "Rank of a score among the scores, highest first; equal scores share a rank (like Excel's RANK.EQ: 1, 2, 3, 3, 5). A blank cell stays blank.",
      vi: "Thứ hạng của điểm trong danh sách, điểm cao xếp trước; điểm bằng nhau đồng hạng (như hàm RANK.EQ của Excel: 1, 2, 3, 3, 5). Ô trống cho kết quả trống.",
    },
    parameters: [
      matrix(
        { en: "score", vi: "diem" },
        { en: "The score to rank, or a range of them.", vi: "Điểm cần xếp hạng, hoặc một vùng điểm." },
      ),
      matrix(
        { en: "scores", vi: "bang_diem" },
        { en: "All the scores of the cluster.", vi: "Toàn bộ điểm của các đơn vị trong Cụm." },
      ),
      matrix(
        { en: "tiebreak", vi: "pha_dong_hang" },
        {
          en: "Optional: a second score for each unit (same size as scores) that splits ties, higher first; e.g. the self scores.",
          vi: "Tùy chọn: điểm phụ của từng đơn vị (cùng kích thước với bang_diem) để phá đồng hạng, cao hơn xếp trước; ví dụ điểm tự chấm.",
        },
        true,
      ),
    ],
    result: { type: "any", dimensionality: "matrix" },
  },
  {
    id: "RANKING",
    name: { en: "RANKING", vi: "BANGXEPHANG" },
    description: {
      en: "Spills the ranked table: STT, unit, self score, verified score, rank, classification — ranked on verified scores.",
      vi: "Trả về bảng xếp hạng: STT, đơn vị, điểm tự chấm, điểm chấm thẩm định, hạng, xếp loại — xếp theo điểm thẩm định.",
    },
    parameters: [
      matrix(
        { en: "units", vi: "don_vi" },
        { en: "The units' names (one column).", vi: "Tên các đơn vị (một cột)." },
      ),
      matrix(
        { en: "self", vi: "tu_cham" },
        { en: "The self scores, same rows as units.", vi: "Điểm tự chấm, cùng hàng với đơn vị." },
      ),
      matrix(
        { en: "verified", vi: "tham_dinh" },
        { en: "The verified scores, same rows as units.", vi: "Điểm chấm thẩm định, cùng hàng với đơn vị." },
      ),
      matrix(
        { en: "bands", vi: "cac_muc" },
        {
          en: "Optional two-column range: minimum score, label.",
          vi: "Tùy chọn, vùng hai cột: điểm tối thiểu, tên xếp loại.",
        },
        true,
      ),
    ],
    result: { type: "any", dimensionality: "matrix" },
  },
  {
    id: "VALIDATE",
    name: { en: "VALIDATE", vi: "KIEMTRA" },
    description: {
      en: "Checks each score: one message per cell (not a number, negative, above the maximum …), blank where the score is fine.",
      vi: "Kiểm tra từng điểm: mỗi ô một thông báo (không phải số, số âm, vượt điểm tối đa …), để trống nếu điểm hợp lệ.",
    },
    parameters: [
      matrix({ en: "scores", vi: "bang_diem" }, { en: "The scores to check.", vi: "Các điểm cần kiểm tra." }),
      matrix(
        { en: "max", vi: "diem_toi_da" },
        {
          en: "Optional maximum: one number, or a range the same size as scores. Default: the workbook's scale, else 1000.",
          vi: "Tùy chọn, điểm tối đa: một số, hoặc một vùng cùng kích thước. Mặc định: thang điểm của sổ, nếu không có thì 1000.",
        },
        true,
      ),
    ],
    result: { type: "any", dimensionality: "matrix" },
  },
  {
    id: "TALLY",
    name: { en: "TALLY", vi: "BINHXET" },
    description: {
      en: "Vote count: for each number of agreeing votes, whether it passes (Passed / Not passed) and the votes required, e.g. 5 of 9 with more than 1/2 → Passed | 5. Default rule: the workbook's (more than half).",
      vi: "Kiểm phiếu: với mỗi số phiếu đồng ý, cho biết Đạt / Không đạt và số phiếu cần đạt, ví dụ 5 trên 9 với quá bán → Đạt | 5. Mặc định: quy tắc biểu quyết của sổ (quá bán).",
    },
    parameters: [
      matrix(
        { en: "votes", vi: "so_phieu" },
        { en: "The agreeing votes: a cell or a column.", vi: "Số phiếu đồng ý: một ô hoặc một cột." },
      ),
      matrix(
        { en: "base", vi: "co_so" },
        {
          en: "What the share is of: the number of members (or present, or valid ballots, as the quy chế says).",
          vi: "Số làm căn cứ: tổng số thành viên (hoặc số có mặt, số phiếu hợp lệ, theo quy chế).",
        },
      ),
      matrix(
        { en: "share", vi: "ty_le" },
        {
          en: 'Optional share required: a number such as 0.5, or a fraction as text such as "2/3". Default: the workbook\'s vote rule, else 1/2.',
          vi: 'Tùy chọn, tỷ lệ cần đạt: một số như 0,5, hoặc phân số dạng chữ như "2/3". Mặc định: quy tắc của sổ, nếu không có thì 1/2.',
        },
        true,
      ),
      matrix(
        { en: "strict", vi: "tren" },
        {
          en: "Optional: TRUE = more than the share (default), FALSE = at least the share.",
          vi: "Tùy chọn: TRUE = trên tỷ lệ (mặc định), FALSE = từ tỷ lệ trở lên.",
        },
        true,
      ),
    ],
    result: { type: "any", dimensionality: "matrix" },
  },
];

/**
 * The functions.json Excel reads, for one language. Every function gets the same two host
 * settings, so a function added to the table is covered without a line of its own:
 * - `allowErrorForDataTypeAny`: an error cell inside a range reaches the function (as an error
 *   object, mapped per cell by src/functions/args.ts) instead of turning the whole call into that
 *   error before EMU can say which cell is wrong;
 * - `requiresParameterAddresses`: the ranges' addresses, to tell a blank from a 0 on Excel desktop,
 *   which passes blanks as 0 (office-js #4702, #5262), and to share one sorted index per range.
 * @example functionsMetadata("vi").functions[0].name //=> "XEPLOAI"
 */
export function functionsMetadata(
  lang: FnLang,
  fns: readonly FnDef[] = FUNCTIONS,
): {
  allowErrorForDataTypeAny: true;
  functions: unknown[];
} {
  return {
    allowErrorForDataTypeAny: true,
    functions: fns.map((f) => ({
      id: f.id,
      name: f.name[lang],
      description: f.description[lang],
      parameters: f.parameters.map((p) => ({
        name: p.name[lang],
        description: p.description[lang],
        type: p.type,
        dimensionality: p.dimensionality,
        ...(p.optional ? { optional: true } : {}),
      })),
      result: { type: f.result.type, dimensionality: f.result.dimensionality },
      options: { requiresParameterAddresses: true },
    })),
  };
}
