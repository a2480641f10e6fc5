/**
 * EMU's engine: pure TypeScript, no Office, DOM, file system or clock. Every entry point (ribbon,
 * task pane, custom functions, CLI) is a thin shell over these exports.
 */
export type { CellIndents, CellValue, Grid, GridOrigin, CellRef, Lang } from "./types";
export { a1, cellAddress, columnIndex, columnLetters, parseA1, quoteSheet, rangeA1 } from "./address";
export type { Issue, IssueCode, IssueOf, Result, Severity, ColumnRole, LegacyEncoding } from "./issues";
export { hasErrors } from "./issues";
export { ISSUE_MESSAGES, ROLE_NAMES, issueMessage, severityName } from "./messages";
export { canonicalScore, classifyScore, bandRank } from "./classify";
export { detectTable, headerRole, mappingOf } from "./detect";
export type { ColumnMap, ColumnMapping, TableLocation } from "./detect";
export { readScoreTable, sortIssues, withUnitName } from "./score-table";
export type { Basis, ScoreTable, UnitRow } from "./score-table";
export { rankTable, competitionRank } from "./rank";
export type { RankedUnit } from "./rank";
export { proposeAwards, awardQuota, vetoIssues } from "./awards";
export {
  CUM_1000,
  ND335_100,
  PRESETS,
  DEFAULT_PRESET,
  TIE_BREAKS,
  parseRules,
  presetRules,
  rulesExplained,
  vetoLabel,
} from "./rules";
export { explainRules, rulesSchema, useFullRulesSchema } from "./rules-schema";
export { checkRules } from "./rules-check";
export type { Rules, RulesInput, Band, AwardRule, TieBreak } from "./rules";
export {
  RULES_SHEET_NAME,
  RULES_SHEET_BANDS_ROW,
  TIE_BREAK_LABELS,
  isRulesSheet,
  parseRulesSheet,
  rulesSheetGrid,
} from "./rules-sheet";
export { DEFAULT_NOTICE_FIELDS, SEED_000_NOTICE_FIELDS } from "./notice-fields";
export type { NoticeFields } from "./notice-fields";
export {
  NOTICE_FIELDS_SHEET_NAME,
  isNoticeFieldsSheet,
  noticeFieldLabel,
  noticeFieldsFromGrid,
  noticeFieldsGrid,
} from "./notice-fields-sheet";
export { NOTICE_HEADER, buildNotice, dateLine, noticeTable, numberLine } from "./notice";
export type { NoticeExtra, NoticeOptions } from "./notice";
export { buildResults, resultsRow } from "./results-sheet";
export { estimateLines, gridSheet, heightFor } from "./sheet-builder";
export type { CellModel, CellStyle, MergeModel, PageSetupModel, SheetModel } from "./sheet-model";
export { MAX_CELL_CHARS, MAX_ROW_HEIGHT, fitCellText, sheetExtent } from "./sheet-model";
export { MARKS_SHEET_NAME, NO_MARKS, marksGrid, parseMarks, placeSheet, rememberedMapping } from "./marks";
export type { EmuSheetKind, Marks, RememberedMapping } from "./marks";
export { UI_TEXT, uiText } from "./ui-text";
export type { UiTextKey } from "./ui-text";
export {
  NOTICE_SHEET_BASE,
  RESULTS_SHEET_BASE,
  jsonReport,
  jsonUnit,
  marksOf,
  noticeFieldsOf,
  rankWorkbook,
  rankingOutputs,
  resolveRules,
} from "./use-cases";
export type {
  JsonReport,
  JsonUnit,
  RankOutcome,
  RankRequest,
  RankingOutput,
  RankingOutputs,
  RankingOutputsOptions,
  RulesSource,
  WorkbookSheet,
} from "./use-cases";
export * from "./text";
export { fillBack } from "./fill-back";
export type { CellWrite } from "./fill-back";
export { detectCriteria, indentColumn, scoreCriteria } from "./criteria";
export type {
  Criterion,
  CriteriaLayout,
  CriteriaRules,
  CriteriaTable,
  UnitColumns,
  UnitTotals,
} from "./criteria";
export { CRITERIA_SUMMARY_SHEET, compareSummary, summariseCriteria } from "./criteria-summary";
export { buildForm, criteriaDifferences, planConsolidation, safeSheetName } from "./forms";
export type { ConsolidationPlan, FormSheet, ReturnedForm } from "./forms";
export { atA1, consolidationSheets, formSources, makeForms, planFormsConsolidation } from "./form-use-cases";
export type { FormsOutcome, FormsRequest } from "./form-use-cases";
export type { ValidationModel } from "./sheet-model";
export { editedSheets, gridPrint, modelPrint } from "./sheet-print";
export { rulesProblems, type RulesProblem } from "./rules-messages";
export { NOTICE_GAP_LABELS, noticeGaps, noticeGapsText } from "./notice-gaps";
export {
  DEFAULT_VOTE,
  VOTE_BASES,
  fractionOf,
  requiredVotes,
  shareNumber,
  shareText,
  voteBaseName,
  voteRuleText,
  checkShare,
} from "./vote";
export { voteSchema } from "./vote-schema";
export type { Fraction, VoteBase, VoteRule } from "./vote";
export { voteRuleOf } from "./rules";
export { ineligibility } from "./awards";
export { VOTE_BASE_LABELS, VOTE_STRICT_LABELS } from "./rules-sheet";
export { COUNT_NAMES } from "./messages";
export type { CountName } from "./issues";
export { COUNT_SHEET_NAME, readCountSheet } from "./count-sheet";
export type { CountAward, CountCandidate, CountCell, CountSheet } from "./count-sheet";
export { tallyCount, thresholdShare } from "./tally";
export type { BallotCounts, Tally, TallyAward, TallyCandidate, TallyThreshold } from "./tally";
export { tallyJson, tallyWorkbook } from "./conference";
export type { TallyJson, TallyOutcome, TallyRequest } from "./conference";
export { TALLY_SHEET_BASE, candidateResult, tallySheet } from "./tally-sheet";
export { CONFERENCE_SHEET_BASES, conferenceOutputs, prepareConference } from "./conference";
export type { ConferenceOutputs } from "./conference";
export {
  CONFERENCE_FIELDS_SHEET_NAME,
  DEFAULT_CONFERENCE_FIELDS,
  DEFAULT_LEGAL_BASES,
  conferenceFieldLabel,
  conferenceFieldsFromGrid,
  conferenceFieldsGrid,
  conferenceFieldsOf,
  isConferenceFieldsSheet,
} from "./conference-fields";
export type { ConferenceFields } from "./conference-fields";
export {
  awardCandidates,
  ballotDocument,
  ballotQuotas,
  countMinutes,
  countSheetGrid,
  meetingMinutes,
  proposalLetter,
  toOfficialDocument,
} from "./conference-docs";
export type { ConferenceDocument, DocBlock, DocSignature } from "./conference-docs";
export type {
  AddresseesBlock,
  DocumentBlock,
  DocumentHeader,
  OfficialDocument,
  ParagraphBlock,
  RichText,
  SignBlock,
  SignaturesBlock,
  TableBlock,
  TableCell,
  TableColumn,
  TextAlign,
  TextRun,
} from "./document";
export {
  DOCUMENT_MARGINS_MM,
  NATIONAL_MOTTO,
  NATIONAL_TITLE,
  addresseeLines,
  closingSentence,
  listLine,
  listLines,
  plainText,
  textRuns,
} from "./document";
export { documentSheet, textAreaPt, type DocumentSheetOptions } from "./document-sheet";
export { PROVISIONAL, noticeDocument, type NoticeDocumentOptions } from "./notice";
export { countLines, textWidthPt, wrapText, type FontFace } from "./text-width";
export {
  MEMBERS_HEADER,
  MEMBERS_SHEET_NAME,
  findMember,
  findMemberHeader,
  memberKey,
  isMembersSheetName,
  membersOf,
  membersSheet,
  readMembers,
  splitTitle,
  unknownMemberIssues,
} from "./members";
export type { Member, MemberList, MemberRole } from "./members";
export { formatDateVi, isoDate, longDateVi, parseDateCell, serialOf, ymdOf } from "./dates";
export type { ParsedDate } from "./dates";
export { fieldsFromGrid, fieldsGrid } from "./fields-sheet";
export type { FieldSpec } from "./fields-sheet";
export {
  PAGE_HEIGHT_PT,
  dateLineOf,
  yearDocumentSheet,
  numberLineOf,
  pageBreaks,
  paragraphText,
  punctuate,
  yearToOfficialDocument,
} from "./letter";
export type { DocHeader, YearDocument, Paragraph, Run, SignatureBlock } from "./letter";
export {
  CALL_FIELDS_SHEET_NAME,
  CALL_FIELD_SPECS,
  DEFAULT_CALL_FIELDS,
  SEED_003_CALL_FIELDS,
  buildCall,
  buildReminder,
  callDeadline,
  callFieldsFromGrid,
  callFieldsGrid,
  isCallFieldsSheet,
} from "./call";
export type { CallFields } from "./call";
export {
  DEFAULT_PLEDGE_FIELDS,
  PLEDGE_FIELDS_SHEET_NAME,
  PLEDGE_FIELD_SPECS,
  SEED_002_PLEDGE_FIELDS,
  buildPledge,
  gridRows,
  isPledgeFieldsSheet,
  pledgeFieldsFromGrid,
  pledgeFieldsGrid,
  signatureBlock,
} from "./pledge";
export type { PledgeFields } from "./pledge";
export {
  TRACKING_HEADER,
  TRACKING_SHEET_NAME,
  isTrackingSheetName,
  readTracking,
  statusOf,
  statusText,
  trackMembers,
  trackingEdits,
  trackingSheet,
} from "./tracking";
export type { TrackedMember, TrackingEdit, TrackingRow, TrackingSheet, TrackingStatus } from "./tracking";
export {
  callDocument,
  callFieldsOf,
  callFieldsSheet,
  createMemberList,
  deadlineOf,
  memberListOffer,
  pledgeDocument,
  pledgeFieldsOf,
  pledgeFieldsSheet,
  reminderDocument,
  trackWorkbook,
  trackingAfterConsolidation,
  trackingOf,
} from "./year-use-cases";
export type { DeadlineProblem, PlacedDocument, TrackOutcome } from "./year-use-cases";
export type { CellFacts, CellSet } from "./types";
export { hasCell } from "./types";
export { parseRangeA1 } from "./address";
export { cropSheet } from "./use-cases";
export { isNumberingRow, locateRows, type ReadOptions, type RowPlan } from "./score-table";
export { hasDiacritics, sameUnitName, unitToneKey } from "./text";
export { tableCells, type TableCells } from "./score-table";
export { unitSheetName } from "./unit-sheet-name";
export { joinSentences } from "./sentences";
export { whyNothingToWrite, type NothingToWrite } from "./form-use-cases";
export { exampleUnitIssues, scoreTableTemplate, type ScoreTemplate } from "./score-template";
export { requiredRoles } from "./required-columns";
export { SEED_000_UNITS, isBundledSample, noticeFormFields } from "./sample-workbook";
export { tableUnitNames } from "./score-table";
export { noticeSigner, workbookNotice } from "./use-cases";
export { documentNames, documentNamesOf } from "./document-names";
export type { DocumentNames, ResolvedSigner, SignerFields, SignerSource } from "./document-names";
export { conferenceDocuments } from "./conference";
export type { ConferenceDocuments } from "./conference";
// The pane waits for its language's strings before its first render (src/dev/ui-text-loader.cjs).
export { uiTextReady } from "./ui-text";
