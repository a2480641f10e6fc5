// `npm start [-- desktop|web] [--document <url>] [...]`: sideloads the add-in and starts the dev
// server through office-addin-debugging. That tool prints "Platform not supported: linux" on
// Linux and exits 0, which reads like success; there is no Excel desktop on Linux, so this wrapper
// says what to do instead, and fails unless Excel on the web was asked for.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const args = process.argv.slice(2);
const wantsWeb = args.includes("web");

const LINUX_HELP = `
EMU — Excel không có bản desktop trên Linux.
  Hãy dùng Excel trên web (cần tài khoản Microsoft và Internet):
  1. Chạy máy chủ phát triển:  npm run dev-server   (https://localhost:3000)
     Trình duyệt phải tin cậy chứng chỉ của localhost: mở https://localhost:3000/taskpane.html một lần.
  2. Mở một sổ tính trên Excel trên web, rồi Trang đầu → Phần bổ trợ → Thêm phần bổ trợ →
     Tải lên Phần bổ trợ của tôi, và chọn tệp manifest.xml.
     Hoặc để công cụ tự mở:  npm run start -- web --document <URL của sổ tính trên OneDrive/SharePoint>

EMU — there is no Excel desktop on Linux.
  Use Excel on the web (needs a Microsoft account and internet):
  1. Start the dev server:  npm run dev-server   (https://localhost:3000)
     Your browser must trust the localhost certificate: open https://localhost:3000/taskpane.html once.
  2. Open a workbook in Excel on the web, then Home → Add-ins → More add-ins →
     Upload My Add-in, and choose manifest.xml.
     Or let the tool open it:  npm run start -- web --document <workbook URL on OneDrive/SharePoint>
`;

const WEB_NEEDS_DOCUMENT = `
EMU — Excel trên web cần địa chỉ của một sổ tính: npm run start -- web --document <URL>
EMU — Excel on the web needs a workbook URL: npm run start -- web --document <URL>
`;

if (process.platform === "linux" && !wantsWeb) {
  console.error(LINUX_HELP);
  process.exit(1);
}
if (wantsWeb && !args.includes("--document") && !args.some((a) => a.startsWith("--document="))) {
  console.error(WEB_NEEDS_DOCUMENT);
  process.exit(1);
}

// office-addin-debugging's first positional after the manifest is the platform: keep the user's
// (web / desktop) or default to desktop. Its other defaults would come from package.json "config";
// they are passed explicitly here instead.
const platform = args.find((a) => a === "web" || a === "desktop") ?? "desktop";
const rest = args.filter((a) => a !== platform);
const defaults = [];
if (!rest.some((a) => a.startsWith("--app"))) defaults.push("--app", "excel");
if (!rest.some((a) => a.startsWith("--dev-server"))) {
  defaults.push("--dev-server", "npm run dev-server", "--dev-server-port", "3000");
}

const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve("office-addin-debugging/package.json")), "cli.js");
const child = spawn(process.execPath, [cli, "start", "manifest.xml", platform, ...defaults, ...rest], {
  cwd: root,
  stdio: "inherit",
});
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
