// ESLint flat config. Kept as a dotfile because the client fixed the top level of the repo.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import prettier from "eslint-config-prettier";
import globals from "globals";

const officeRules = Object.fromEntries(
  [
    "call-sync-before-read",
    "load-object-before-read",
    "call-sync-after-load",
    "no-context-sync-in-loop",
    "no-empty-load",
    "no-navigational-load",
    "no-office-initialize",
  ].map((r) => [`office-addins/${r}`, "error"]),
);

export default tseslint.config(
  { ignores: ["dist/**", "out/**", "coverage/**", "node_modules/**", "test-results/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // vars: "local": a `/* global Excel */` header names the host globals even where only their types are used.
      "@typescript-eslint/no-unused-vars": ["error", { vars: "local", argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.name='eval']", message: "No eval: the pane's CSP forbids it." },
        { selector: "NewExpression[callee.name='Function']", message: "No new Function: the pane's CSP forbids it." },
      ],
    },
  },
  {
    // The Office adapter is where the Excel API's load/sync rules matter.
    files: ["src/excel/**/*.ts", "src/functions/**/*.ts", "src/commands/**/*.ts", "src/taskpane/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: officeRules,
  },
  {
    // The engine stays pure: nothing from the host, the DOM, the file system or the clock.
    files: ["src/core/**/*.ts"],
    languageOptions: { globals: {} },
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["node:*", "fs", "path", "react", "react-dom", "exceljs", "../cli/*", "../excel/*", "../taskpane/*"] },
      ],
      "no-restricted-globals": ["error", "Office", "Excel", "CustomFunctions", "window", "document", "Date", "process"],
    },
  },
  {
    // The .xlsx reader is shared by the CLI (Node) and the pane (a browser): bytes in, grids out,
    // nothing from either platform (the CLI hands it Node's zlib; it never imports zlib itself).
    files: ["src/xlsx/**/*.ts"],
    languageOptions: { globals: {} },
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["node:*", "fs", "path", "zlib", "exceljs", "react", "react-dom", "../cli/*", "../excel/*", "../taskpane/*"] },
      ],
      "no-restricted-globals": ["error", "Buffer", "process", "window", "document", "Office", "Excel"],
    },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { globals: { ...globals.node } },
  },
  prettier,
);
