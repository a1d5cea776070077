import { cohortRetention } from '../src/metrics/index.js';
import { fitShiftedBetaGeometricCohorts, renewalCountsFromCohorts, sbgRetention } from '../src/forecast/index.js';

const yearsStayed: Record<string, (number | null)[]> = {
  '2022': [1, 1, 1, 2, 2, 3, null, null, null, null],
  '2023': [1, 1, 2, null, null, null, null, null],
  '2024': [1, 1, null, null, null, null],
  '2025': [1, null, null],
  '2026': [null, null],
};
const subscriptions = Object.entries(yearsStayed).flatMap(([year, stays]) =>
  stays.map((years, index) => ({
    id: `sub-${year}-${String(index)}`,
    accountId: `acc-${year}-${String(index)}`,
    mrr: 1_000,
    startDate: `${year}-03-01`,
    ...(years === null ? {} : { endDate: `${String(Number(year) + years)}-03-01` }),
  })),
);
const table = cohortRetention(subscriptions, { period: 'year', asOf: '2026-09-30' });
const counts = renewalCountsFromCohorts(table);
console.log(JSON.stringify(counts));
const fit = fitShiftedBetaGeometricCohorts(counts.activeCounts);
console.log(fit, [1, 2, 5].map((r) => sbgRetention(fit, r).toFixed(3)));
