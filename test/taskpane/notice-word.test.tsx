/**
 * @jest-environment jsdom
 */
import "./jsdom-polyfills";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { SEED_000_NOTICE_FIELDS, rankWorkbook, type TableBlock } from "../../src/core";
import { NoticeWordButtons, tableClipboard } from "../../src/taskpane/NoticeWordButtons";
import { SEED_000_SHEET } from "./helpers";

jest.setTimeout(120_000);

const ranking = rankWorkbook({
  sheets: [{ name: SEED_000_SHEET.name, grid: SEED_000_SHEET.values as never }],
});

describe("step 5's Sao chép bảng (the notice table for Word)", () => {
  it("gives the table as bordered HTML in Times New Roman and as tab-separated text, text escaped", () => {
    const table: TableBlock = {
      kind: "table",
      columns: [
        { header: "STT", width: 1, align: "center" },
        { header: "Đơn vị", width: 6, align: "left" },
      ],
      rows: [[1, 'Sở <A> & "B"']],
    };
    const { html, text } = tableClipboard(table);
    expect(html).toContain("font-family:'Times New Roman'");
    expect(html).toContain("<th");
    expect(html).toContain("Sở &lt;A&gt; &amp; &quot;B&quot;");
    expect(html).not.toContain("<A>");
    expect(text).toBe('STT\tĐơn vị\n1\tSở <A> & "B"');
  });

  it("without the async clipboard, copies HTML and text through the copy command, parsing no markup into the page", async () => {
    expect(ranking.ok).toBe(true);
    const set: Record<string, string> = {};
    // jsdom has no clipboard: the copy command fires a copy event whose data the pane fills.
    Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true });
    document.execCommand = jest.fn(() => {
      const e = new Event("copy", { cancelable: true }) as ClipboardEvent;
      Object.defineProperty(e, "clipboardData", {
        value: { setData: (type: string, v: string) => (set[type] = v) },
      });
      document.dispatchEvent(e);
      return true;
    });
    const before = document.body.innerHTML.length;
    render(
      <FluentProvider theme={webLightTheme}>
        <NoticeWordButtons lang="vi" ranking={ranking} fields={SEED_000_NOTICE_FIELDS} disabled={false} />
      </FluentProvider>,
    );
    await userEvent.click(screen.getByRole("button", { name: "Sao chép bảng" }));
    expect(await screen.findByText(/Đã sao chép bảng/)).toBeTruthy();
    expect(set["text/html"]).toMatch(/^<table/);
    expect(set["text/html"]).toContain("Sở TT&amp;TT Điện Biên");
    expect(set["text/plain"]?.split("\n")[1]).toMatch(/^1\tSở TT&TT Điện Biên\t985/);
    // Nothing left behind in the page (no hidden element holding the table).
    expect(document.querySelectorAll("table")).toHaveLength(0);
    expect(document.body.innerHTML.length).toBeGreaterThan(before);
  });
});
