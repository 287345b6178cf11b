/**
 * Column keys of per-stage columns ("students@primary"). Memoised: building the same strings for every
 * school of a 100,000-row county was a measurable share of the engine's time (docs/performance.md).
 */
const cache = new Map<string, string>();

export function stagedKey(key: string, stage: string): string {
  const id = key + "\u0000" + stage;
  let k = cache.get(id);
  if (k === undefined) {
    k = `${key}@${stage}`;
    cache.set(id, k);
  }
  return k;
}

const ratioCache = new Map<string, string>();

export function ratioKey(indicator: string): string {
  let k = ratioCache.get(indicator);
  if (k === undefined) {
    k = `ratio.${indicator}`;
    ratioCache.set(indicator, k);
  }
  return k;
}
