/** @jest-environment jsdom */
import "./jsdom-polyfills";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { screen } from "@testing-library/react";
import { uiText, type Lang, type UiTextKey } from "../../src/core";
import { renderPane } from "./helpers";

/** Issue 10: "the help page covers every step", and the pane links to it in the user's language. */
const HELP = readFileSync(join(__dirname, "../../assets/help.html"), "utf8");

/** The text of the help page's section for one language (its headings and paragraphs). */
function section(lang: Lang): string {
  const m = new RegExp(`<section id="${lang}"[^>]*>([\\s\\S]*?)</section>`).exec(HELP);
  return (m?.[1] ?? "").replace(/<[^>]+>/g, "").replace(/\s+/g, " ");
}

/** Every tab of the pane, the year tools of step 6 and the step-1 way forward. */
const COVERED: readonly UiTextKey[] = [
  "stepTable",
  "stepRules",
  "stepCheck",
  "stepResults",
  "stepNotice",
  "stepForms",
  "stepConference",
  "yearTitle",
  "yearCall",
  "yearRemind",
  "yearPledge",
  "tableTemplate",
  "saveMapping",
  "rulesSave",
  "checkRun",
  "resultsCompute",
  "noticeGenerate",
  "formsMake",
  "formsApply",
  "conferencePrepare",
];

describe("the help page", () => {
  it.each<Lang>(["vi", "en"])("covers every step of the pane by its tab's name (%s)", (lang) => {
    const text = section(lang);
    expect(text.length).toBeGreaterThan(0);
    const missing = COVERED.map((k) => uiText(lang, k)).filter((label) => !text.includes(label));
    expect(missing).toEqual([]);
  });

  it.each<[Lang, string, string]>([
    ["vi", "Hướng dẫn", "assets/help.html#vi"],
    ["en", "Help", "assets/help.html#en"],
  ])("is linked from the pane in the user's language (%s)", async (lang, name, href) => {
    renderPane(undefined, { lang });
    const link = await screen.findByRole("link", { name: new RegExp(`^${name}`) });
    expect(link.getAttribute("href")).toBe(href);
    expect(link.getAttribute("target")).toBe("_blank");
  });
});
