import { useState } from "react";
import type { DoubleWorkbook } from "../../test/excel-double";
import { columnLetters, parseA1 } from "../core";

/** At most this much of a sheet is drawn: the preview is for score tables, not for big data. */
const MAX_ROWS = 300;
const MAX_COLS = 40;

function parseRange(addr: string): { r0: number; c0: number; r1: number; c1: number } | null {
  const [a, b] = addr.split(":");
  const p = a ? parseA1(a.replace(/\$/g, "")) : null;
  const q = b ? parseA1(b.replace(/\$/g, "")) : p;
  if (!p || !q) return null;
  return {
    r0: Math.min(p.row, q.row),
    c0: Math.min(p.col, q.col),
    r1: Math.max(p.row, q.row),
    c1: Math.max(p.col, q.col),
  };
}

/** The selection's sheet and rectangle, from "'Sheet'!B2:C3". */
function selectionOf(
  sel: string | null,
): { sheet: string; rect: NonNullable<ReturnType<typeof parseRange>> } | null {
  if (!sel) return null;
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(sel);
  if (!m) return null;
  const rect = parseRange(m[3] ?? "");
  return rect ? { sheet: (m[1] ?? m[2] ?? "").replace(/''/g, "'"), rect } : null;
}

/** A typed value as a user types it: numbers (either decimal mark) become numbers. */
function typed(text: string): string | number | null {
  const t = text.trim();
  if (t === "") return null;
  if (/^-?\d+([.,]\d+)?$/.test(t)) return Number(t.replace(",", "."));
  return text;
}

/**
 * The simulated workbook: one tab per visible sheet and the sheet as an HTML table (merged
 * cells, bold/italic, column widths, the selection highlighted). A click selects a cell as in
 * Excel; a double click edits it. It re-renders whenever `version` changes (after every sync).
 */
export function WorkbookView({
  workbook,
  version,
  onUserEdit,
  labels,
}: {
  workbook: DoubleWorkbook;
  version: number;
  onUserEdit: () => void;
  labels: { sheets: string; edit: string };
}) {
  const [, setLocal] = useState(0);
  const [editing, setEditing] = useState<{ sheet: string; addr: string; text: string } | null>(null);
  const rerender = () => setLocal((n) => n + 1);
  const names = workbook.sheetNames().filter((n) => workbook.sheet(n).visibility === "Visible");
  const active = workbook.activeSheet ?? names[0] ?? null;
  const sel = selectionOf(workbook.selection);

  const body = (() => {
    if (!active) return null;
    const sheet = workbook.sheet(active);
    const values = sheet.text();
    const rows = Math.min(Math.max(values.length, 20), MAX_ROWS);
    const cols = Math.min(
      Math.max(
        values.reduce((w, r) => Math.max(w, r.length), 0),
        8,
      ),
      MAX_COLS,
    );
    const spans = new Map<string, { rs: number; cs: number }>();
    const covered = new Set<string>();
    for (const m of sheet.merges()) {
      const r = parseRange(m);
      if (!r) continue;
      spans.set(`${r.r0},${r.c0}`, { rs: r.r1 - r.r0 + 1, cs: r.c1 - r.c0 + 1 });
      for (let i = r.r0; i <= r.r1; i++)
        for (let j = r.c0; j <= r.c1; j++) if (i !== r.r0 || j !== r.c0) covered.add(`${i},${j}`);
    }
    const selected = (r: number, c: number) =>
      sel !== null &&
      sel.sheet === active &&
      r >= sel.rect.r0 &&
      r <= sel.rect.r1 &&
      c >= sel.rect.c0 &&
      c <= sel.rect.c1;
    const widths = Array.from({ length: cols }, (_, c) =>
      Math.round(Math.min(sheet.columnWidth(c), 400) * (4 / 3)),
    );
    return (
      <table
        className="grid"
        data-sheet={active}
        aria-label={active}
        style={{ width: `${36 + widths.reduce((a, b) => a + b, 0)}px` }}
      >
        <colgroup>
          <col style={{ width: "36px" }} />
          {widths.map((w, c) => (
            <col key={c} style={{ width: `${w}px` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th className="corner" />
            {Array.from({ length: cols }, (_, c) => (
              <th key={c} scope="col">
                {columnLetters(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, r) => (
            <tr key={r}>
              <th scope="row">{r + 1}</th>
              {Array.from({ length: cols }, (_, c) => {
                if (covered.has(`${r},${c}`)) return null;
                const span = spans.get(`${r},${c}`);
                const addr = `${columnLetters(c)}${r + 1}`;
                const text = values[r]?.[c] ?? "";
                const cell = text !== "" || span ? sheet.cell(addr) : null;
                const font = cell?.format.font;
                const isEditing = editing && editing.sheet === active && editing.addr === addr;
                return (
                  <td
                    key={c}
                    data-addr={addr}
                    rowSpan={span?.rs}
                    colSpan={span?.cs}
                    className={[
                      selected(r, c) ? "selected" : "",
                      typeof cell?.value === "number" ? "num" : "",
                      cell?.format.wrapText ? "wrap" : "",
                      cell ? `h-${cell.format.horizontalAlignment.toLowerCase()}` : "",
                    ].join(" ")}
                    style={{
                      fontWeight: font?.bold ? 700 : undefined,
                      fontStyle: font?.italic ? "italic" : undefined,
                      textDecoration: font?.underline && font.underline !== "None" ? "underline" : undefined,
                    }}
                    onClick={() => {
                      workbook.select(`'${active.replace(/'/g, "''")}'!${addr}`);
                      rerender();
                    }}
                    onDoubleClick={() => setEditing({ sheet: active, addr, text: String(cell?.value ?? "") })}
                  >
                    {isEditing ? (
                      <input
                        autoFocus
                        aria-label={`${labels.edit} ${addr}`}
                        defaultValue={editing.text}
                        onKeyDown={(e) => {
                          if (e.key === "Escape") setEditing(null);
                          if (e.key === "Enter") {
                            workbook.setValues(active, addr, [[typed(e.currentTarget.value)]]);
                            setEditing(null);
                            onUserEdit();
                          }
                        }}
                        onBlur={() => setEditing(null)}
                      />
                    ) : (
                      text
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    );
  })();

  return (
    <div className="workbook" data-version={version}>
      <div className="sheet-scroll">{body}</div>
      <div className="tabs" role="tablist" aria-label={labels.sheets}>
        {names.map((n) => (
          <button
            key={n}
            role="tab"
            aria-selected={n === active}
            className={n === active ? "tab active" : "tab"}
            onClick={() => {
              workbook.activate(n);
              rerender();
            }}
          >
            {n}
          </button>
        ))}
      </div>
    </div>
  );
}
