#!/usr/bin/env node
// Serves the built browser preview (dist/preview, `npm run build:preview`) on the loopback
// interface only: the pane beside a simulated workbook, for demos, training and the browser tests.
//
//   node src/dev/preview-server.mjs [--port 8080] [--root dist/preview] [--extra <dir>]
//
// --port 0 picks a free port. The first line on stdout is the URL ("EMU preview: http://…/").
// --extra serves another folder under /extra/ (the e2e tests put workbooks there: ?file=extra/x.xlsx).
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".map": "application/json; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

/** The file under `base` a URL path names, or null when it would leave `base`. */
function within(base, urlPath) {
  const file = normalize(join(base, decodeURIComponent(urlPath)));
  return file === base || file.startsWith(base + sep) ? file : null;
}

export function startPreviewServer({ port = 8080, root = join(ROOT, "dist", "preview"), extra } = {}) {
  const base = resolve(root);
  if (!existsSync(join(base, "index.html"))) {
    throw new Error(`No preview build in ${base}: run \`npm run build:preview\` first.`);
  }
  const extraBase = extra ? resolve(extra) : null;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    let file;
    if (extraBase && url.pathname.startsWith("/extra/"))
      file = within(extraBase, url.pathname.slice("/extra/".length));
    else file = within(base, url.pathname === "/" ? "index.html" : url.pathname.slice(1));
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("Not found");
      return;
    }
    res.writeHead(200, {
      "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
      "Cache-Control": "no-store",
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      resolvePromise({ server, url: `http://127.0.0.1:${address.port}/` });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { url } = await startPreviewServer({
      port: Number(arg("port", process.env.PORT ?? "8080")),
      ...(arg("root") ? { root: arg("root") } : {}),
      ...(arg("extra") ? { extra: arg("extra") } : {}),
    });
    console.log(`EMU preview: ${url}`);
    console.log("Bản xem thử — không phải Excel / Preview — not Excel. Ctrl+C to stop.");
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(e && e.code === "EADDRINUSE" ? 2 : 1);
  }
}
