import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useState } from "react";
import {
  uiText,
  workbookNotice,
  type Lang,
  type NoticeFields,
  type OfficialDocument,
  type RankOutcome,
  type TableBlock,
} from "../core";

/**
 * Where the pane can save a file: Excel on the web runs in a browser (a download works); Excel on
 * Windows (WebView2) saves it through the Edge download prompt; Excel on Mac (WKWebView) ignores
 * downloads, so there the pane offers "Sao chép bảng" only.
 */
export function canDownload(): boolean {
  const office = (globalThis as { Office?: { context?: { platform?: unknown } } }).Office;
  const platform = String(office?.context?.platform ?? "");
  return platform !== "Mac" && platform !== "iOS";
}

/** Writes the document with the Word writer (its chunk loaded on first use) and downloads it. */
export async function downloadDocx(doc: OfficialDocument, file: string): Promise<void> {
  const { renderDocx } = await import(/* webpackChunkName: "docx" */ "../docx/render-docx");
  const bytes = await renderDocx(doc);
  const url = URL.createObjectURL(
    new Blob([bytes as BlobPart], {
      type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    }),
  );
  const a = document.createElement("a");
  a.href = url;
  a.download = file;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[ch] ?? ch);
}

/** The notice table as HTML (Times New Roman, borders) and as tab-separated text. */
export function tableClipboard(t: TableBlock): { html: string; text: string } {
  const cell = (v: unknown, tag: "td" | "th", align: string): string =>
    `<${tag} style="border:1px solid #000;padding:2px 4px;text-align:${align}">${escapeHtml(v === null || v === undefined ? "" : String(v))}</${tag}>`;
  const head = `<tr>${t.columns.map((c) => cell(c.header, "th", "center")).join("")}</tr>`;
  const rows = t.rows.map((r) => `<tr>${t.columns.map((c, i) => cell(r[i], "td", c.align)).join("")}</tr>`);
  const html = `<table style="border-collapse:collapse;font-family:'Times New Roman';font-size:13pt">${head}${rows.join("")}</table>`;
  const text = [
    t.columns.map((c) => c.header),
    ...t.rows.map((r) => r.map((v) => (v === null ? "" : String(v)))),
  ]
    .map((r) => r.join("\t"))
    .join("\n");
  return { html, text };
}

/** Step 5's Word document: "Tải văn bản Word (.docx)" (the writer loaded on click) and "Sao chép bảng". */
export function NoticeWordButtons(props: {
  lang: Lang;
  ranking: RankOutcome | null;
  fields: NoticeFields | null;
  disabled: boolean;
}) {
  const { lang, ranking, fields, disabled } = props;
  const [note, setNote] = useState<{ intent: "success" | "warning"; text: string } | null>(null);
  const t = (k: Parameters<typeof uiText>[1], v?: Record<string, string>) => uiText(lang, k, v);
  const ready = ranking !== null && ranking.ok && ranking.ranking.length > 0 && fields !== null;
  const doc = () => (ready && fields ? workbookNotice(ranking, fields).doc : null);

  const download = async () => {
    const d = doc();
    if (!d) return setNote({ intent: "warning", text: t("noticeWordNeedsRanking") });
    const file = "thong-bao-ket-qua.docx";
    await downloadDocx(d, file);
    setNote({ intent: "success", text: t("noticeWordSaved", { file }) });
  };

  const copy = async () => {
    const d = doc();
    const table = d?.body.find((b): b is TableBlock => b.kind === "table");
    if (!table) return setNote({ intent: "warning", text: t("noticeWordNeedsRanking") });
    const { html, text } = tableClipboard(table);
    try {
      await navigator.clipboard.write([
        new ClipboardItem({
          "text/html": new Blob([html], { type: "text/html" }),
          "text/plain": new Blob([text], { type: "text/plain" }),
        }),
      ]);
    } catch {
      // Hosts without the async clipboard: the classic copy command, its data set by a one-shot
      // listener (both HTML and text), so no markup is ever parsed into the pane's own page.
      const onCopy = (e: ClipboardEvent) => {
        e.clipboardData?.setData("text/html", html);
        e.clipboardData?.setData("text/plain", text);
        e.preventDefault();
      };
      document.addEventListener("copy", onCopy);
      try {
        document.execCommand("copy");
      } finally {
        document.removeEventListener("copy", onCopy);
      }
    }
    setNote({ intent: "success", text: t("noticeCopied") });
  };

  const downloadable = canDownload();
  return (
    <>
      {!downloadable && (
        <MessageBar intent="info">
          <MessageBarBody>{t("noticeNoDownload")}</MessageBarBody>
        </MessageBar>
      )}
      {note && (
        <MessageBar intent={note.intent}>
          <MessageBarBody>{note.text}</MessageBarBody>
        </MessageBar>
      )}
      {downloadable && (
        <Button disabled={disabled || !ready} onClick={() => void download()}>
          {t("noticeWord")}
        </Button>
      )}
      <Button disabled={disabled || !ready} onClick={() => void copy()}>
        {t("noticeCopy")}
      </Button>
    </>
  );
}
