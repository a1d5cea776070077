export * from './core/index.js';
export * from './rules/index.js';
export * from './metrics/index.js';
export * from './snapshot/index.js';
export * from './forecast/index.js';
export * from './journey/index.js';
export * from './sample/index.js';
