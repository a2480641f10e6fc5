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
