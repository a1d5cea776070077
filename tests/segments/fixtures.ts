import type { SegmentableSnapshot } from '../../src/segments/index';

/** A snapshot with only what segmentation reads, plus any fields the rules need. */
export function account(id: string, arr: number | null, more: Record<string, unknown> = {}): SegmentableSnapshot {
  return { id, asOf: '2026-06-30', arr, ...more };
}

/** `count` accounts of one ARR, ids `<prefix>-0`, `<prefix>-1`, … */
export function accounts(prefix: string, count: number, arr: number | null): SegmentableSnapshot[] {
  return Array.from({ length: count }, (_, index) => account(`${prefix}-${String(index)}`, arr));
}

/** A segment service model of one CSM activity taking `hoursPerYear` hours a year. */
export function hoursModel(
  hoursPerYear: number,
): { id: string; name: string; delivery: 'csm'; perYear: number; hours: number }[] {
  return [{ id: 'work', name: 'Work', delivery: 'csm', perYear: 12, hours: hoursPerYear / 12 }];
}
