// jsdom (jest-environment-jsdom 29) lacks what browsers and Node both have and the adapter uses.
import { TextDecoder, TextEncoder } from "node:util";

const g = globalThis as Record<string, unknown>;
g.TextEncoder ??= TextEncoder;
g.TextDecoder ??= TextDecoder;

// Fluent's MessageBar measures itself for its reflow; jsdom has no layout to observe.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
g.ResizeObserver ??= NoResizeObserver;

// jsdom 20's Blob has no arrayBuffer(), which every browser's File has: the Forms step reads
// picked files with it.
if (typeof Blob !== "undefined" && !("arrayBuffer" in Blob.prototype)) {
  Object.defineProperty(Blob.prototype, "arrayBuffer", {
    value(this: Blob): Promise<ArrayBuffer> {
      return new Promise((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as ArrayBuffer);
        reader.onerror = () => reject(reader.error);
        reader.readAsArrayBuffer(this);
      });
    },
  });
}
