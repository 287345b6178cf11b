/**
 * Column keys of per-stage columns ("students@primary"). Memoised without building a lookup string: making
 * the same strings for every school of a 100,000-row county was a measurable share of the engine's time
 * (docs/performance.md).
 */
const cache = new Map<string, Map<string, string>>();

export function stagedKey(key: string, stage: string): string {
  let byStage = cache.get(key);
  if (byStage === undefined) {
    byStage = new Map();
    cache.set(key, byStage);
  }
  let k = byStage.get(stage);
  if (k === undefined) {
    k = `${key}@${stage}`;
    byStage.set(stage, k);
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
