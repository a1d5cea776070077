export { AccountSnapshot } from './account-snapshot.js';
export {
  extendFields,
  snapshotFields,
  snapshotFieldUnits,
  snapshotRecordFields,
  type SnapshotField,
  type SnapshotFieldCatalog,
  type SnapshotFieldType,
  type SnapshotFieldUnit,
  type SnapshotRecordField,
} from './snapshot-fields.js';
export { AccountSnapshotsOptions, WindowDays, accountSnapshots, type AccountSnapshots } from './account-snapshots.js';
export type { SnapshotPortfolio } from './snapshot-portfolio.js';
export { SnapshotSeriesOptions, snapshotSeries } from './snapshot-series.js';
