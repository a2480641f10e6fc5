/** @jest-environment jsdom */
import "./jsdom-polyfills";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { SEED_000_SHEET, renderPane } from "./helpers";

/**
 * Issue 10, "a chart worth looking at": Kết quả's chart of seed 000 (verified 915–985 of 1000):
 * a title, the cut axis marked from 850, "900 Xuất sắc" as a line, ties ("3=", "6=") and proposed
 * awards (★) marked, and a text alternative naming every unit with its rank and scores.
 */
jest.setTimeout(120_000);

it("draws the ranking with its title, axis break, cut-off, ties and awards, and says it in words", async () => {
  renderPane([SEED_000_SHEET]);
  await screen.findByText("A1:E10");
  await userEvent.setup().click(screen.getByRole("tab", { name: /4\./ }));
  await userEvent.setup().click(screen.getByRole("button", { name: "Xem trước xếp hạng" }));
  const svg = await screen.findByTestId("score-chart");
  const chart = screen.getByRole("img", { name: /^Điểm tự chấm và điểm thẩm định/ });
  expect(chart).toBe(svg);
  expect(within(svg).getByTestId("axis-break")).toBeTruthy();
  const axis = within(svg).getByTestId("chart-axis");
  expect(Array.from(axis.querySelectorAll("text")).map((t) => t.textContent)).toEqual([
    "850",
    "900",
    "950",
    "1000",
  ]);
  expect(
    within(svg)
      .getAllByTestId("chart-cutoff")
      .map((c) => c.textContent),
  ).toEqual(["900 Xuất sắc"]);
  const rows = within(svg).getAllByTestId("chart-row");
  // Ranked on the verified score: 985, 975, 965 (×2), 960, 915 (×2).
  expect(rows.map((r) => r.querySelectorAll("text")[0]?.textContent)).toEqual([
    "1",
    "2",
    "3=",
    "3=",
    "5",
    "6=",
    "6=",
  ]);
  expect(rows[0]?.textContent).toContain("Sở TT&TT Điện Biên");
  const starred = rows.filter((r) => r.textContent?.includes("★"));
  const table = screen.getByTestId("ranking-table");
  const awarded = Array.from(table.querySelectorAll("tbody tr")).filter((tr) =>
    tr.textContent?.includes(" · "),
  );
  expect(starred.length).toBe(awarded.length);
  expect(starred.length).toBeGreaterThan(0);
  const desc = svg.querySelector("desc")?.textContent ?? "";
  expect(desc).toContain("Trục điểm bắt đầu từ 850");
  expect(desc).toContain("Ngưỡng xếp loại: 900 Xuất sắc");
  expect(desc).toContain("Hạng 3 (đồng hạng): Sở TT&TT Lạng Sơn, tự chấm 995, thẩm định 965");
  expect(desc).toMatch(/Hạng 1: Sở TT&TT Điện Biên, tự chấm 985, thẩm định 985, đề nghị /);
});
