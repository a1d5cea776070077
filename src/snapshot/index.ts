export { AccountSnapshot } from './account-snapshot.js';
export {
  extendFields,
  snapshotFields,
  snapshotFieldUnits,
  snapshotRecordFields,
  type SnapshotField,
  type SnapshotFieldCatalog,
  type SnapshotFieldUnit,
  type SnapshotRecordField,
} from './snapshot-fields.js';
