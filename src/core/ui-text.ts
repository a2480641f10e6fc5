import type { Lang } from "./types";

/**
 * Every string of the task pane, in Vietnamese and English, beside the engine's issue messages
 * (`messages.ts`): the pane renders issues with `issueMessage` and everything else from here.
 * `{name}` in a text is replaced by `uiText`'s `vars`.
 */
export const UI_TEXT = {
  appTitle: { vi: "EMU – Thi đua, khen thưởng", en: "EMU – Emulation and awards" },
  stepsLabel: { vi: "Các bước", en: "Steps" },
  stepTable: { vi: "1. Bảng điểm", en: "1. Table" },
  stepRules: { vi: "2. Quy tắc", en: "2. Rules" },
  stepCheck: { vi: "3. Kiểm tra", en: "3. Check" },
  stepResults: { vi: "4. Kết quả", en: "4. Results" },
  stepNotice: { vi: "5. Thông báo", en: "5. Notice" },
  stepForms: { vi: "6. Phiếu chấm", en: "6. Forms" },
  working: { vi: "Đang xử lý…", en: "Working…" },
  dismiss: { vi: "Đóng", en: "Dismiss" },
  next: { vi: "Bước tiếp theo", en: "Next step" },
  failed: { vi: "Không thực hiện được", en: "That did not work" },

  // 1. Table
  tableIntro: {
    vi: "EMU tìm bảng điểm trên trang đang mở. Kiểm tra các cột dưới đây; nếu sai, chọn lại cột đúng.",
    en: "EMU looks for the score table on the active sheet. Check the columns below; correct any that are wrong.",
  },
  tableReload: { vi: "Đọc lại trang đang mở", en: "Read the active sheet again" },
  tableSheet: { vi: "Trang tính", en: "Sheet" },
  tableRange: { vi: "Vùng dữ liệu", en: "Used range" },
  tableHeaderRow: { vi: "Dòng tiêu đề", en: "Header row" },
  tableNotFound: {
    vi: "Chưa tìm thấy bảng điểm trên trang này. Hãy mở trang có cột “Đơn vị” và cột điểm, hoặc chọn cột bên dưới.",
    en: "No score table found on this sheet yet. Open the sheet with a “Unit” column and a score column, or choose the columns below.",
  },
  tableEmpty: { vi: "Trang tính trống.", en: "The sheet is empty." },
  columnNone: { vi: "(không có)", en: "(none)" },
  columnOf: { vi: "Cột {column}: {header}", en: "Column {column}: {header}" },
  useSelection: { vi: "Dùng ô đang chọn", en: "Use current selection" },
  useSelectionFor: {
    vi: "Dùng cột của ô đang chọn cho “{role}”",
    en: "Use the selected cell's column for “{role}”",
  },
  saveMapping: { vi: "Lưu cách đọc cột", en: "Save column mapping" },
  resetMapping: { vi: "Tự nhận lại", en: "Detect again" },
  mappingSaved: {
    vi: "Đã lưu cách đọc cột vào sổ làm việc. Ruy-băng và bảng điều khiển sẽ dùng cách này.",
    en: "The column mapping is saved in the workbook. The ribbon and the panel will use it.",
  },
  mappingRemembered: { vi: "Đang dùng cách đọc cột đã lưu.", en: "Using the saved column mapping." },
  mappingDetected: { vi: "EMU tự nhận các cột.", en: "EMU detected the columns." },
  mappingUnsaved: { vi: "Có thay đổi chưa lưu.", en: "Unsaved changes." },
  tableCriteria: {
    vi: "Bảng chấm chi tiết: {criteria} tiêu chí, {units} đơn vị, {layout}.",
    en: "Detailed scoring sheet: {criteria} criteria, {units} units, {layout}.",
  },
  layoutSingle: { vi: "mỗi trang một đơn vị", en: "one unit per sheet" },
  layoutMulti: { vi: "các đơn vị cạnh nhau", en: "units side by side" },
  tableLayout: { vi: "Kiểu bảng chấm", en: "Scoring sheet layout" },
  tableLayoutHint: {
    vi: "Chỉ đổi khi EMU nhận sai. Lựa chọn dùng cho lần làm việc này, không lưu vào sổ.",
    en: "Change it only if EMU got it wrong. The choice holds for this session and is not saved in the workbook.",
  },
  tableLayoutAuto: { vi: "Tự động ({layout})", en: "Automatic ({layout})" },
  tableLayoutSingle: { vi: "Mỗi trang một đơn vị", en: "One unit per sheet" },
  tableLayoutMulti: { vi: "Nhiều đơn vị cạnh nhau", en: "Several units side by side" },

  // 2. Rules
  rulesIntro: {
    vi: "Quy tắc xếp loại và khen thưởng được lưu ở trang “{sheet}”, ai cũng đọc và sửa được.",
    en: "The classification and award rules are saved in the sheet “{sheet}”, readable and editable by anyone.",
  },
  rulesSourceWorkbook: { vi: "Đang dùng quy tắc trong sổ làm việc.", en: "Using the rules in the workbook." },
  rulesSourcePreset: {
    vi: "Sổ làm việc chưa có trang quy tắc: đang dùng mẫu mặc định.",
    en: "The workbook has no rules sheet yet: using the default preset.",
  },
  rulesExampleWarning: {
    vi: "Các mức xếp loại của thang 1000 điểm chỉ là ví dụ, không phải quy định của pháp luật. Hãy đối chiếu với quy chế của Cụm trước khi dùng.",
    en: "The 1000-point bands are an example, not a law. Confirm them against your cluster's rules before use.",
  },
  rulesPreset: { vi: "Mẫu quy tắc", en: "Preset" },
  rulesPresetCum: {
    vi: "Cụm thi đua, thang 1000 điểm (ví dụ)",
    en: "Emulation cluster, 1000 points (example)",
  },
  rulesPresetNd335: {
    vi: "Nghị định 335/2025/NĐ-CP, thang 100 điểm",
    en: "Decree 335/2025/NĐ-CP, 100 points",
  },
  rulesApplyPreset: { vi: "Áp dụng mẫu", en: "Apply preset" },
  rulesMaxScore: { vi: "Thang điểm (điểm tối đa)", en: "Scale (maximum score)" },
  rulesBands: { vi: "Xếp loại (từ điểm … đến dưới mức trên)", en: "Classes (from score … up to the next)" },
  rulesBandMin: { vi: "Từ điểm", en: "From score" },
  rulesBandLabel: { vi: "Xếp loại", en: "Class" },
  rulesAddBand: { vi: "Thêm mức", en: "Add band" },
  rulesRemove: { vi: "Xóa", en: "Remove" },
  rulesRemoveBand: { vi: "Xóa mức “{label}”", en: "Remove band “{label}”" },
  rulesRemoveAward: { vi: "Xóa khen thưởng “{label}”", en: "Remove award “{label}”" },
  rulesTies: { vi: "Khi đồng điểm", en: "Ties" },
  rulesTiesShared: {
    vi: "Không chọn gì: các đơn vị bằng điểm được đồng hạng và hiển thị rõ (khuyến nghị).",
    en: "Nothing ticked: units with equal scores share the rank and are shown as tied (recommended).",
  },
  rulesTieBreakHint: {
    vi: "Chỉ chọn khi quy chế của Cụm quy định cách phá đồng hạng:",
    en: "Tick only when your cluster's rules say how to split ties:",
  },
  rulesAwards: { vi: "Khen thưởng đề nghị", en: "Proposed awards" },
  rulesAwardLabel: { vi: "Hình thức", en: "Award" },
  rulesAwardCount: { vi: "Số lượng", en: "Count" },
  rulesAwardMinBand: { vi: "Xếp loại tối thiểu", en: "Minimum class" },
  rulesAwardAnyBand: { vi: "(mọi xếp loại)", en: "(any class)" },
  rulesAwardAllowVeto: { vi: "Xét cả đơn vị vi phạm", en: "Vetoed units eligible" },
  rulesAddAward: { vi: "Thêm khen thưởng", en: "Add award" },
  rulesNoAwards: { vi: "Chưa có khen thưởng nào.", en: "No awards." },
  rulesAboveSelf: { vi: "Điểm thẩm định cao hơn tự chấm", en: "Verified above self score" },
  rulesAboveSelfWarning: { vi: "Cảnh báo", en: "Warning" },
  rulesAboveSelfError: { vi: "Lỗi", en: "Error" },
  rulesAboveSelfAllow: { vi: "Cho phép", en: "Allow" },
  rulesSave: { vi: "Lưu quy tắc vào sổ làm việc", en: "Save rules to the workbook" },
  rulesReload: { vi: "Đọc lại từ trang quy tắc", en: "Reload from the rules sheet" },
  rulesSaved: { vi: "Đã lưu quy tắc vào trang “{sheet}”.", en: "Rules saved to the sheet “{sheet}”." },
  rulesUnsaved: {
    vi: "Quy tắc trong bảng điều khiển chưa được lưu; EMU vẫn xếp loại theo quy tắc trong sổ làm việc.",
    en: "The rules in the panel are not saved yet; EMU still classifies with the rules in the workbook.",
  },
  rulesReloaded: {
    vi: "Trang quy tắc vừa được sửa: đã đọc lại.",
    en: "The rules sheet was edited: reloaded.",
  },

  // 3. Check
  checkIntro: {
    vi: "Kiểm tra từng ô của bảng điểm. Bấm vào một lỗi để chuyển tới ô đó trong Excel.",
    en: "Checks every cell of the score table. Click an issue to go to its cell in Excel.",
  },
  checkRun: { vi: "Kiểm tra bảng điểm", en: "Check the score table" },
  checkAgain: { vi: "Kiểm tra lại", en: "Check again" },
  checkNone: { vi: "Chưa kiểm tra.", en: "Not checked yet." },
  checkClean: {
    vi: "Bảng điểm hợp lệ, không có lỗi hay cảnh báo.",
    en: "The score table is clean: no errors or warnings.",
  },
  checkErrors: { vi: "Lỗi ({count})", en: "Errors ({count})" },
  checkWarnings: { vi: "Cảnh báo ({count})", en: "Warnings ({count})" },
  checkSummaryErrors: {
    vi: "Có {count} lỗi phải sửa trước khi xếp hạng.",
    en: "{count} error(s) must be fixed before ranking.",
  },
  checkSummaryOk: {
    vi: "Không có lỗi; có thể xếp hạng.",
    en: "No errors; ready to rank.",
  },
  checkGoTo: { vi: "Chuyển tới ô {cell}", en: "Go to cell {cell}" },
  checkFromRibbon: { vi: "Kết quả của lệnh trên thanh công cụ:", en: "Result of the ribbon command:" },
  checkSheet: { vi: "Trang “{sheet}”", en: "Sheet “{sheet}”" },

  // 4. Results
  resultsIntro: {
    vi: "Xem trước bảng xếp hạng, rồi ghi trang kết quả vào sổ làm việc.",
    en: "Preview the ranking, then write the results sheet to the workbook.",
  },
  resultsPreview: { vi: "Xem trước xếp hạng", en: "Preview ranking" },
  resultsCompute: { vi: "Xếp hạng và ghi kết quả", en: "Rank and write results" },
  resultsNone: {
    vi: "Chưa có xếp hạng. Bấm “Xem trước xếp hạng”.",
    en: "No ranking yet. Click “Preview ranking”.",
  },
  resultsWritten: { vi: "Đã ghi trang “{sheet}”.", en: "Wrote the sheet “{sheet}”." },
  resultsBlocked: {
    vi: "Bảng điểm còn lỗi nên chưa ghi gì. Xem bước Kiểm tra.",
    en: "The score table has errors, so nothing was written. See the Check step.",
  },
  resultsBasisSelf: {
    vi: "Chưa có điểm thẩm định: xếp hạng tạm tính theo điểm tự chấm.",
    en: "No verified scores yet: a provisional ranking on self scores.",
  },
  resultsBasisVerified: { vi: "Xếp hạng theo điểm chấm thẩm định.", en: "Ranked on verified scores." },
  colStt: { vi: "STT", en: "No." },
  colUnit: { vi: "Đơn vị", en: "Unit" },
  colSelf: { vi: "Tự chấm", en: "Self" },
  colVerified: { vi: "Thẩm định", en: "Verified" },
  colGap: { vi: "Chênh lệch", en: "Gap" },
  colRank: { vi: "Hạng", en: "Rank" },
  colClass: { vi: "Xếp loại", en: "Class" },
  colAward: { vi: "Đề nghị khen thưởng", en: "Proposed award" },
  tied: { vi: "đồng hạng", en: "tied" },
  needsDeliberation: { vi: "cần bình xét", en: "needs deliberation" },
  resultsTableLabel: { vi: "Bảng xếp hạng", en: "Ranking table" },
  chartTitle: { vi: "Điểm tự chấm và điểm thẩm định", en: "Self and verified scores" },
  chartAxisFrom: { vi: "Trục điểm bắt đầu từ {from}", en: "The score axis starts at {from}" },
  chartDescription: {
    vi: "Biểu đồ thanh: mỗi đơn vị có hai thanh, tự chấm và thẩm định. Số liệu ở bảng xếp hạng.",
    en: "Bar chart: two bars per unit, self and verified. The numbers are in the ranking table.",
  },
  chartBar: {
    vi: "{unit}: tự chấm {self}, thẩm định {verified}",
    en: "{unit}: self {self}, verified {verified}",
  },

  // 5. Notice
  noticeIntro: {
    vi: "Thông tin văn bản (theo Nghị định 30/2020/NĐ-CP). Được lưu ở trang “{sheet}” cho lần sau.",
    en: "The document's fields (Decree 30/2020/NĐ-CP layout). Saved in the sheet “{sheet}” for next time.",
  },
  noticeFromWorkbook: {
    vi: "Lấy từ thông báo trước trong sổ làm việc.",
    en: "From the workbook's last notice.",
  },
  noticeFromTemplate: {
    vi: "Sổ làm việc chưa có thông tin thông báo: đang dùng mẫu chung, hãy điền thông tin của Cụm.",
    en: "The workbook has no notice fields yet: using a general template; fill in your cluster's details.",
  },
  noticeUseSeed: { vi: "Điền mẫu Cụm thi đua số 2 (2022)", en: "Fill in Cluster 2's 2022 example" },
  noticeListHint: { vi: "Mỗi dòng một mục.", en: "One item per line." },
  noticeSave: { vi: "Lưu thông tin", en: "Save fields" },
  noticeSaved: { vi: "Đã lưu thông tin thông báo.", en: "Notice fields saved." },
  noticeGenerate: { vi: "Tạo thông báo", en: "Generate notice" },
  noticeDone: {
    vi: "Đã tạo trang “{sheet}”, sẵn sàng in trên khổ A4.",
    en: "Created the sheet “{sheet}”, ready to print on A4.",
  },
  noticeBlocked: {
    vi: "Bảng điểm còn lỗi nên chưa tạo thông báo. Xem bước Kiểm tra.",
    en: "The score table has errors, so no notice was made. See the Check step.",
  },
  fieldParentBody: { vi: "Cơ quan chủ quản", en: "Parent body" },
  fieldIssuingBody: { vi: "Cơ quan ban hành", en: "Issuing body" },
  fieldNumber: { vi: "Số", en: "Number" },
  fieldSymbol: { vi: "Ký hiệu", en: "Symbol" },
  fieldPlace: { vi: "Địa danh", en: "Place" },
  fieldDay: { vi: "Ngày", en: "Day" },
  fieldMonth: { vi: "Tháng", en: "Month" },
  fieldYear: { vi: "Năm", en: "Year" },
  fieldSubject: { vi: "Trích yếu (V/v)", en: "Subject (V/v)" },
  fieldRecipients: { vi: "Kính gửi", en: "Recipients (Kính gửi)" },
  fieldBases: { vi: "Căn cứ", en: "Legal bases (Căn cứ)" },
  fieldIntro: { vi: "Câu dẫn trước bảng", en: "Sentence before the table" },
  fieldClosing: { vi: "Câu kết", en: "Closing sentence" },
  fieldDistribution: { vi: "Nơi nhận", en: "Distribution (Nơi nhận)" },
  fieldSignerTitle: { vi: "Chức vụ người ký", en: "Signer's title" },
  fieldSignerName: { vi: "Người ký", en: "Signer's name" },
  fieldBlankHint: { vi: "Để trống cho văn thư điền.", en: "Leave blank for the registry clerk." },

  // 6. Forms
  formsIntro: {
    vi: "Gửi phiếu tự chấm cho các đơn vị trong Cụm, rồi tổng hợp các phiếu đã điền vào sổ này.",
    en: "Send self-scoring forms to the cluster's units, then consolidate the filled-in forms into this workbook.",
  },
  formsMakeTitle: { vi: "Tạo phiếu tự chấm", en: "Make self-scoring forms" },
  formsList: { vi: "Danh mục tiêu chí", en: "Criteria list" },
  formsNoList: {
    vi: "Sổ làm việc chưa có danh mục tiêu chí. Hãy thêm một trang có các cột TT | Nội dung tiêu chí | Điểm tối đa (mỗi dòng một tiêu chí, dòng nhóm đánh số I, II…), rồi bấm “Đọc lại sổ làm việc”.",
    en: "The workbook has no criteria list yet. Add a sheet with the columns TT | Nội dung tiêu chí | Điểm tối đa (No. | Criterion | Maximum; one criterion a row, groups numbered I, II…), then press “Read the workbook again”.",
  },
  formsReload: { vi: "Đọc lại sổ làm việc", en: "Read the workbook again" },
  formsUnits: { vi: "Đơn vị, mỗi dòng một đơn vị", en: "Units, one per line" },
  formsUnitsHint: {
    vi: "Lấy từ bảng điểm trong sổ; có thể sửa hoặc dán danh sách khác.",
    en: "Taken from the workbook's score table; edit it or paste another list.",
  },
  formsMake: { vi: "Tạo phiếu", en: "Make forms" },
  formsMade: {
    vi: "Đã tạo {count} phiếu tự chấm, mỗi phiếu một trang (đã khóa; chỉ nhập được các ô điểm màu vàng):",
    en: "Made {count} self-scoring forms, one sheet each (protected; only the yellow score cells take input):",
  },
  formsNoneMade: {
    vi: "Không tạo phiếu mới: các đơn vị đều đã có trang chấm điểm.",
    en: "No new forms: every unit already has a scoring sheet.",
  },
  formsSkipped: {
    vi: "Bỏ qua {count} đơn vị đã có trang chấm điểm (không thay trang nào):",
    en: "Skipped {count} units that already have a scoring sheet (nothing is replaced):",
  },
  formsSkippedUnit: { vi: "{unit} (trang “{sheet}”)", en: "{unit} (sheet “{sheet}”)" },
  formsSendHint: {
    vi: "Gửi từng phiếu: bấm chuột phải vào tên trang → Di chuyển hoặc Sao chép… → chọn “(sách mới)”, đánh dấu “Tạo bản sao” → OK; lưu tệp mới rồi gửi cho đơn vị.",
    en: "To send a form: right-click its sheet tab → Move or Copy… → choose “(new book)”, tick “Create a copy” → OK; save the new file and send it to the unit.",
  },
  formsNoUnits: {
    vi: "Chưa có đơn vị nào: hãy nhập tên các đơn vị, mỗi dòng một đơn vị.",
    en: "No units: type the units' names, one per line.",
  },
  formsConsolidateTitle: { vi: "Tổng hợp phiếu đã điền", en: "Consolidate filled-in forms" },
  formsConsolidateIntro: {
    vi: "Chọn các tệp .xlsx các đơn vị gửi lại. EMU cho xem trước, chưa ghi gì vào sổ cho đến khi bạn bấm “Ghi vào sổ tổng hợp”.",
    en: "Choose the .xlsx files the units sent back. EMU shows a preview first; nothing is written until you press “Write to the cluster workbook”.",
  },
  formsPick: { vi: "Chọn tệp phiếu đã điền", en: "Choose filled-in form files" },
  formsReading: { vi: "Đọc phiếu", en: "Reading forms" },
  formsFilesSkipped: {
    vi: "Bỏ qua {count} tệp không đọc được:",
    en: "Left out {count} files that could not be read:",
  },
  formsPlanTitle: { vi: "Xem trước", en: "Preview" },
  formsPlanUnits: { vi: "Phiếu hợp lệ ({count})", en: "Valid forms ({count})" },
  formsPlanAdd: { vi: "Trang sẽ thêm ({count})", en: "Sheets to add ({count})" },
  formsPlanFill: { vi: "Ô sẽ điền", en: "Cells to fill" },
  formsPlanNone: { vi: "(không có)", en: "(none)" },
  formsConflicts: {
    vi: "Ô đang có giá trị khác ({count})",
    en: "Cells holding another value ({count})",
  },
  formsConflictsHint: {
    vi: "Mặc định giữ nguyên giá trị hiện có. Chỉ đánh dấu “Ghi đè” ở ô muốn thay bằng giá trị trong phiếu.",
    en: "The current value is kept unless you tick “Overwrite” for a cell; then the form's value replaces it.",
  },
  formsCell: { vi: "Ô", en: "Cell" },
  formsCurrent: { vi: "Giá trị hiện có", en: "Current value" },
  formsProposed: { vi: "Giá trị trong phiếu", en: "Value in the form" },
  formsOverwrite: { vi: "Ghi đè", en: "Overwrite" },
  formsOverwriteCell: { vi: "Ghi đè ô {cell}", en: "Overwrite {cell}" },
  formsNothing: {
    vi: "Không có gì mới để ghi: số liệu trong các phiếu đã có trong sổ.",
    en: "Nothing new to write: the forms' scores are already in the workbook.",
  },
  formsApply: { vi: "Ghi vào sổ tổng hợp", en: "Write to the cluster workbook" },
  formsCancel: { vi: "Hủy", en: "Cancel" },
  formsApplied: {
    vi: "Đã tổng hợp {units} phiếu: thêm {added} trang, điền {filled} ô.",
    en: "Consolidated {units} forms: {added} sheets added, {filled} cells filled.",
  },
  formsKept: {
    vi: "Giữ nguyên {count} ô đang có giá trị khác.",
    en: "Kept {count} cells that hold another value.",
  },
  // Drafts, the overwrite question (issue 10)
  tabUnsaved: { vi: "có thay đổi chưa lưu", en: "unsaved changes" },
  tabErrors: { vi: "có lỗi", en: "has errors" },
  tabDone: { vi: "đã xong", en: "done" },
  askCancel: { vi: "Hủy", en: "Cancel" },
  discardTitle: { vi: "Bỏ các thay đổi chưa lưu?", en: "Discard unsaved changes?" },
  discardRules: {
    vi: "Các thay đổi quy tắc chưa lưu sẽ mất và quy tắc được đọc lại từ sổ làm việc.",
    en: "Your unsaved rule changes will be lost and the rules read again from the workbook.",
  },
  discardTable: {
    vi: "Các thay đổi cách đọc cột chưa lưu sẽ mất.",
    en: "Your unsaved column choices will be lost.",
  },
  discardNotice: {
    vi: "Các trường thông báo đang sửa sẽ được thay bằng dữ liệu mẫu.",
    en: "The notice fields you are editing will be replaced by the sample's.",
  },
  discardConfirm: { vi: "Bỏ thay đổi", en: "Discard changes" },
  editedTitle: { vi: "Trang đã được sửa sau khi EMU ghi", en: "A sheet was edited after EMU wrote it" },
  editedBody: {
    vi: "Trang “{sheets}” đã được sửa tay sau lần EMU ghi trước. Ghi lại sẽ thay toàn bộ trang này.",
    en: "“{sheets}” was edited by hand after EMU last wrote it. Writing again replaces the whole sheet.",
  },
  editedKeep: { vi: "Giữ trang đã sửa, không ghi", en: "Keep the edited sheet, write nothing" },
  editedReplace: { vi: "Thay bằng bản mới", en: "Replace it" },
  editedCopy: { vi: "Giữ một bản sao rồi ghi", en: "Keep a copy, then write" },
  rulesFixFirst: {
    vi: "Chưa lưu: còn {count} chỗ cần sửa (ghi ngay dưới từng ô).",
    en: "Not saved: {count} problems to fix (shown under each field).",
  },
  noticeGaps: {
    vi: "Chưa sẵn sàng in: còn thiếu {fields}.",
    en: "Not ready to print: {fields} still missing.",
  },
  noticeDraftTitle: { vi: "Tạo bản nháp thông báo?", en: "Make a draft notice?" },
  noticeDraftBody: {
    vi: "Thông báo còn thiếu {fields}. Bản tạo ra là bản nháp, cần điền đủ trước khi in.",
    en: "The notice still lacks {fields}. What is made is a draft to complete before printing.",
  },
  noticeDraftConfirm: { vi: "Tạo bản nháp", en: "Make a draft" },
  scaleUsePreset: { vi: "Dùng mẫu “{preset}”", en: "Use the “{preset}” preset" },
  scaleKeep: {
    vi: "Giữ thang hiện tại và lưu quy tắc",
    en: "Keep this scale and save the rules",
  },
  editedKept: {
    vi: "Chưa ghi gì: giữ nguyên trang “{sheets}” đã sửa tay.",
    en: "Nothing written: “{sheets}”, edited by hand, is kept as it is.",
  },
  noticeWord: { vi: "Tải văn bản Word (.docx)", en: "Download Word document (.docx)" },
  noticeWordSaved: {
    vi: "Đã tạo {file}: mở bằng Word, văn thư điền số và ngày.",
    en: "Created {file}: open it in Word; the clerk fills the number and day.",
  },
  noticeCopy: { vi: "Sao chép bảng", en: "Copy table" },
  noticeCopied: {
    vi: "Đã sao chép bảng: dán vào Word (Ctrl+V) để giữ định dạng.",
    en: "Table copied: paste it into Word (Ctrl+V) to keep its formatting.",
  },
  noticeNoDownload: {
    vi: "Excel trên máy này không cho tải tệp từ bảng EMU: hãy dùng “Sao chép bảng” hoặc lệnh emu rank --docx.",
    en: "Excel here does not let the EMU pane download files: use “Copy table” or emu rank --docx.",
  },
  noticeWordNeedsRanking: {
    vi: "Hãy xếp hạng trước (bước Kết quả) để có bảng cho văn bản.",
    en: "Rank first (Results step) so the document has its table.",
  },

  // 6. Members, the call, who has returned the forms, the reminder, the pledge
  yearTitle: { vi: "Thành viên và theo dõi nộp phiếu", en: "Members and returned forms" },
  yearReload: { vi: "Đọc lại", en: "Read again" },
  yearNoList: {
    vi: "Chưa có trang Thành viên cụm. EMU có thể tạo từ {count} đơn vị của bảng điểm; sau đó điền tên viết tắt, chức vụ và người ký.",
    en: "No member list yet. EMU can make it from the score table's {count} units; then fill in short names, titles and signers.",
  },
  yearCreateList: { vi: "Tạo trang Thành viên cụm", en: "Create the member list" },
  yearList: {
    vi: "Danh sách thành viên: trang “{sheet}” ({count} đơn vị).",
    en: "Member list: sheet “{sheet}” ({count} members).",
  },
  yearListMade: { vi: "Đã tạo trang “{sheet}”.", en: "Added the sheet “{sheet}”." },
  yearDeadline: { vi: "Hạn nộp: {date}", en: "Deadline: {date}" },
  yearNoDeadline: {
    vi: "Chưa có hạn nộp: ghi “Hạn nộp” (dd/mm/yyyy) trong trang Thông tin công văn (EMU tạo trang này khi bấm “Công văn đề nghị”).",
    en: "No deadline yet: fill “Hạn nộp” (dd/mm/yyyy) on the sheet Thông tin công văn (made by “Call for forms”).",
  },
  yearBadDeadline: {
    vi: "“Hạn nộp” trong trang Thông tin công văn không phải là ngày: ghi dạng dd/mm/yyyy.",
    en: "“Hạn nộp” on the sheet Thông tin công văn is not a date: write it dd/mm/yyyy.",
  },
  yearUnit: { vi: "Đơn vị", en: "Member" },
  yearReceived: { vi: "Ngày nhận", en: "Received" },
  yearStatus: { vi: "Tình trạng", en: "Status" },
  yearOnTime: { vi: "Đúng hạn", en: "On time" },
  yearLate: { vi: "Trễ {days} ngày", en: "{days} day(s) late" },
  yearMissing: { vi: "Chưa nhận", en: "Not received" },
  yearCounts: {
    vi: "Đúng hạn {ok}, trễ hạn {late}, chưa nhận {missing}.",
    en: "On time {ok}, late {late}, not received {missing}.",
  },
  yearDocuments: { vi: "Văn bản", en: "Documents" },
  yearCall: { vi: "Công văn đề nghị", en: "Call for forms" },
  yearRemind: { vi: "Công văn đôn đốc", en: "Reminder" },
  yearPledge: { vi: "Giao ước thi đua", en: "Pledge" },
  yearDocMade: { vi: "Đã tạo trang “{sheet}”.", en: "Added the sheet “{sheet}”." },
  yearWord: { vi: "Bản Word (.docx):", en: "Word (.docx):" },
  yearWordCall: { vi: "Đề nghị", en: "Call" },
  yearWordRemind: { vi: "Đôn đốc", en: "Reminder" },
  yearWordPledge: { vi: "Giao ước", en: "Pledge" },
  yearWordSaved: {
    vi: "Đã tải “{file}” (số và ngày để trống cho văn thư).",
    en: "Downloaded “{file}” (number and day left blank for the registry clerk).",
  },
  yearFieldsMade: {
    vi: "Nội dung văn bản ở trang “{sheet}”: sửa ở đó rồi bấm lại để cập nhật.",
    en: "The document's text is on the sheet “{sheet}”: edit it there, then click again.",
  },
  yearNoneMissing: {
    vi: "Mọi đơn vị đã gửi: không cần đôn đốc.",
    en: "Every member has sent: no reminder needed.",
  },
  yearNoMemberList: {
    vi: "Giao ước cần trang Thành viên cụm (tên, chức vụ, người ký của từng đơn vị).",
    en: "The pledge needs the member list (each member's name, signer's title and signer).",
  },
  yearNoMembers: { vi: "Chưa có đơn vị nào trong sổ.", en: "The workbook names no members." },
  columnTakenTitle: { vi: "Cột {column} đang được dùng", en: "Column {column} is already used" },
  columnTakenBody: {
    vi: "Cột {column} đang là cột “{other}”. Dùng cột {column} cho “{role}” thì “{other}” sẽ để trống.",
    en: "Column {column} is the “{other}” column. Using column {column} for “{role}” leaves “{other}” empty.",
  },
  columnTakenMove: { vi: "Dùng cho “{role}”", en: "Use for “{role}”" },
  columnMovedAway: {
    vi: "Cột {column} đã chuyển sang “{role}”: hãy chọn lại cột cho mục này.",
    en: "Column {column} now holds “{role}”: choose this role's column again.",
  },
  selectionAboveHeader: {
    vi: "Ô {cell} nằm trên dòng tiêu đề (dòng {row}): hãy chọn một ô trong bảng điểm.",
    en: "Cell {cell} is above the header row (row {row}): select a cell inside the score table.",
  },
  columnNumbersOnly: {
    vi: "Cột {column} chỉ có số, không thể là cột tên đơn vị.",
    en: "Column {column} holds only numbers; it cannot be the unit-name column.",
  },
  tableCriteriaNoColumns: {
    vi: "Bảng chấm chi tiết: EMU đọc điểm theo từng tiêu chí trên trang của mỗi đơn vị, không cần chọn cột.",
    en: "Detailed scoring sheets: EMU reads the scores criterion by criterion on each unit's sheet; no columns to choose.",
  },
  checkStale: {
    vi: "Sổ làm việc đã được sửa sau lần kiểm tra này: danh sách có thể đã cũ. Bấm “Kiểm tra lại”.",
    en: "The workbook was edited after this check: the list may be out of date. Press “Check again”.",
  },
  resultsSeeCheck: { vi: "Xem các lỗi ở bước Kiểm tra", en: "See the errors in Check" },
  vetoBadge: { vi: "vi phạm", en: "violation" },
  vetoBadgeReason: { vi: "vi phạm: {reason}", en: "violation: {reason}" },
  // Step 7, Bình xét (the conference).
  stepConference: { vi: "7. Bình xét", en: "7. Vote" },
  conferenceIntro: {
    vi: "Từ kết quả xếp hạng: tạo phiếu bình xét và trang Kiểm phiếu; khi đã nhập số phiếu, kiểm phiếu và lập biên bản, tờ trình.",
    en: "From the ranking: make the ballots and the Kiểm phiếu sheet; once the counts are typed in, count the vote and draw up the minutes and the proposal.",
  },
  conferenceRuleNote: {
    vi: "Ngưỡng biểu quyết do quy chế của Cụm quyết định (mặc định: quá bán tổng số thành viên); sửa ở trang Quy tắc xếp loại.",
    en: "The vote threshold is the cluster's quy chế's to decide (default: more than half of all members); edit it on the rules sheet.",
  },
  conferencePrepare: { vi: "Tạo phiếu và trang Kiểm phiếu", en: "Make ballots and the count sheet" },
  conferenceTally: { vi: "Kiểm phiếu, lập biên bản", en: "Count and draw up the minutes" },
  conferencePrepared: {
    vi: "Đã tạo: {sheets}. Nhập số phiếu đồng ý vào trang Kiểm phiếu rồi bấm Kiểm phiếu.",
    en: "Made: {sheets}. Type the agreeing votes into Kiểm phiếu, then press Count.",
  },
  conferenceTallied: { vi: "Đã ghi: {sheets}.", en: "Written: {sheets}." },
  conferenceBlocked: {
    vi: "Có lỗi trong trang kiểm phiếu: EMU chưa ghi gì. Sửa các ô dưới đây rồi kiểm phiếu lại.",
    en: "The count sheet has errors: nothing was written. Fix the cells below and count again.",
  },
  conferenceElected: { vi: "Được đề nghị", en: "Proposed" },
  conferenceRevote: { vi: "Đồng phiếu: vòng hai", en: "Tied: second round" },
  conferencePassed: { vi: "Đạt", en: "Passed" },
  conferenceFailed: { vi: "Không đạt", en: "Not passed" },
  conferenceQuota: { vi: "{award} (tối đa {quota})", en: "{award} (at most {quota})" },
  // Step 2's vote rule (issue 12): the conference's threshold, edited beside the other rules.
  rulesVote: { vi: "Biểu quyết bình xét", en: "Conference vote" },
  rulesVoteNote: {
    vi: "Ngưỡng do quy chế của Cụm quyết định; EMU không cài sẵn ngưỡng nào theo luật.",
    en: "Your cluster's quy chế decides the threshold; EMU builds in no legal threshold.",
  },
  rulesVoteShare: {
    vi: "Tỷ lệ (số hoặc phân số, ví dụ 1/2, 2/3)",
    en: "Share (a number or a fraction, e.g. 1/2, 2/3)",
  },
  rulesVoteStrict: { vi: "So sánh", en: "Comparison" },
  rulesVoteStrictMore: { vi: "Trên tỷ lệ (quá)", en: "More than the share" },
  rulesVoteStrictAtLeast: { vi: "Từ tỷ lệ trở lên", en: "At least the share" },
  rulesVoteBase: { vi: "Tính trên", en: "Of" },
  rulesVoteBaseMembers: { vi: "Tổng số thành viên", en: "All members" },
  rulesVoteBasePresent: { vi: "Số thành viên có mặt", en: "Members present" },
  rulesVoteBaseValid: { vi: "Số phiếu hợp lệ", en: "Valid ballots" },
  rulesVoteCount: {
    vi: "{base}: bao nhiêu? (để tính số phiếu cần)",
    en: "{base}: how many? (for the votes needed)",
  },
  // The step's action bar, pinned to the bottom of the pane (issue 10)
  stepActions: { vi: "Thao tác của bước", en: "Step actions" },
  stepFailed: {
    vi: "{op}: không thực hiện được (xem thông báo ở đầu bảng).",
    en: "{op}: that did not work (see the message at the top).",
  },
  stepSeeError: { vi: "Xem", en: "Show" },
  chartRow: {
    vi: "Hạng {rank}: {unit}, tự chấm {self}, thẩm định {verified}",
    en: "Rank {rank}: {unit}, self {self}, verified {verified}",
  },
  chartRankTied: { vi: "{rank} (đồng hạng)", en: "{rank} (tied)" },
  chartAwardOf: { vi: "đề nghị {award}", en: "proposed for {award}" },
  chartCutoffs: { vi: "Ngưỡng xếp loại: {cutoffs}", en: "Class cut-offs: {cutoffs}" },
  chartAwardKey: { vi: "★ đề nghị khen thưởng", en: "★ proposed award" },
  chartTieKey: { vi: "2= đồng hạng", en: "2= tied" },
  chartCutKey: { vi: "ngưỡng xếp loại", en: "class cut-off" },
  stepSaved: { vi: "Đã lưu.", en: "Saved." },
  stepWrote: { vi: "Đã ghi “{sheet}”.", en: "Wrote “{sheet}”." },
  // Step 6: why nothing is consolidated (issue 10)
  formsNoneReadable: {
    vi: "Không đọc được tệp nào trong {count} tệp đã chọn, nên chưa có gì để tổng hợp:",
    en: "None of the {count} files chosen could be read, so there is nothing to consolidate:",
  },
  formsNoUsable: {
    vi: "Không có phiếu nào dùng được, nên chưa có gì để ghi: lý do của từng tệp ở trên.",
    en: "None of the forms could be used, so there is nothing to write: each file's reason is above.",
  },
  // Step 1: a sample score table for an empty or unrecognised workbook (issue 10)
  tableTemplate: { vi: "Tạo bảng điểm mẫu", en: "Create a sample score table" },
  tableTemplateHint: {
    vi: "EMU thêm một trang mới có bảng điểm mẫu (STT, Đơn vị, Điểm tự chấm, Điểm chấm thẩm định) với vài đơn vị ví dụ; không trang nào đang có bị thay đổi.",
    en: "EMU adds a new sheet with a sample score table (STT, Đơn vị, Điểm tự chấm, Điểm chấm thẩm định) and a few example units; no existing sheet is changed.",
  },
  tableTemplateMade: {
    vi: "Đã tạo trang “{sheet}”: các đơn vị trong đó chỉ là ví dụ, hãy thay bằng tên và điểm của các đơn vị trong Cụm.",
    en: "Made the sheet “{sheet}”: its units are examples only; replace them with your cluster's units and scores.",
  },
  tableTemplateRules: {
    vi: "Đã thêm cả trang “{sheet}” (thang điểm và các mức xếp loại, cần đối chiếu với quy chế của Cụm).",
    en: "Also added the sheet “{sheet}” (the scale and the classes, to check against your cluster's rules).",
  },
  tableTemplateRunning: { vi: "Tạo bảng điểm mẫu", en: "Creating the sample table" },
  tableRequiredLegend: {
    vi: "* Cột bắt buộc: Đơn vị và cột điểm dùng để xếp hạng.",
    en: "* Required: the unit column and the score column the ranking uses.",
  },
  helpLink: { vi: "Hướng dẫn", en: "Help" },

  // The notice signed by the member list's Cụm trưởng when no signer is typed.
  noticeSignerFromMembers: {
    vi: "Người ký lấy từ trang “Thành viên cụm”: {name} ({unit}, Cụm trưởng). Gõ Người ký ở trên để dùng người khác.",
    en: "The signer comes from the “Thành viên cụm” sheet: {name} ({unit}, cluster head). Type a signer above to use someone else.",
  },

  // Steps fetched when first opened (src/taskpane/lazy.tsx)
  stepLoading: { vi: "Đang tải…", en: "Loading…" },
  stepLoadFailed: {
    vi: "Không tải được phần này của EMU (có thể do mất kết nối). Bấm “Thử lại”; dữ liệu của bạn không bị ảnh hưởng.",
    en: "This part of EMU could not be loaded (the connection may have dropped). Press “Try again”; your data is not affected.",
  },
  stepLoadRetry: { vi: "Thử lại", en: "Try again" },
} as const satisfies Record<string, Readonly<Record<Lang, string>>>;

export type UiTextKey = keyof typeof UI_TEXT;

/**
 * A pane string in the user's language, with `{name}` placeholders filled.
 * @example uiText("en", "checkErrors", { count: 2 }) //=> "Errors (2)"
 */
export function uiText(lang: Lang, key: UiTextKey, vars?: Readonly<Record<string, string | number>>): string {
  const s: string = UI_TEXT[key][lang];
  if (!vars) return s;
  return s.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/**
 * Resolves once `lang`'s texts can be read with `uiText`. Here both languages always are; the
 * add-in's build (src/dev/ui-text-loader.cjs) keeps English apart, in a chunk fetched on this
 * call, and the pane waits for it before its first render.
 */
export function uiTextReady(lang: Lang): Promise<void> {
  void lang;
  return Promise.resolve();
}
