/**
 * Browser APIs jsdom lacks, installed on import. Import this module first in a jsdom test file (before anything
 * that reads .xlsx or renders Fluent UI): imports run in order.
 */
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "util";

const g = globalThis as unknown as Record<string, unknown>;
if (!g.TextDecoder) g.TextDecoder = NodeTextDecoder;
if (!g.TextEncoder) g.TextEncoder = NodeTextEncoder;
if (!g.ResizeObserver) {
  g.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}
if (typeof window !== "undefined" && !window.matchMedia) {
  window.matchMedia = (query: string): MediaQueryList =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

// findBy* and waitFor wait up to 20 s instead of 1 s: on the shared 2-core machine under load a first check can take
// longer, and a test that fails on a slow machine proves nothing (no test asserts a duration). Required after the
// shims above, which the library's dependencies may need when they load.
const { configure } = require("@testing-library/react") as typeof import("@testing-library/react");
configure({ asyncUtilTimeout: 20_000 });
