import { defineBaseline, type Baseline } from './baseline.js';

/**
 * The baseline of a typical customer, as a CS leader sets it before any data
 * is in: first login by day 5, configuration complete by day 10, the first
 * executive business review by day 90 with 75% of the targeted business
 * value realized, the second by day 270 with all of it. Evidence is the
 * `milestone_reached` events of the same ids; tolerances are the defaults
 * (1, 2, 14 and 41 days); every milestone weighs 1 in the pace index.
 * Calibrate it against your own customers with `calibrateBaseline` before
 * you trust it.
 *
 * @example
 * ```ts
 * import { defaultBaseline } from 'successkit/baseline';
 *
 * defaultBaseline.milestones.map((milestone) => milestone.dueDay); // => [5, 10, 90, 270]
 * defaultBaseline.milestones.map((milestone) => milestone.id); // => ['first_login', 'configuration_complete', 'ebr_1', 'ebr_2']
 * defaultBaseline.milestones.map((milestone) => milestone.valueTarget ?? null); // => [null, null, 0.75, 1]
 * ```
 */
export const defaultBaseline: Baseline = /* @__PURE__ */ defineBaseline({
  name: 'Typical customer',
  milestones: [
    { id: 'first_login', name: 'First login', dueDay: 5 },
    { id: 'configuration_complete', name: 'Configuration complete', dueDay: 10 },
    { id: 'ebr_1', name: 'Executive business review 1', dueDay: 90, valueTarget: 0.75 },
    { id: 'ebr_2', name: 'Executive business review 2', dueDay: 270, valueTarget: 1 },
  ],
});
