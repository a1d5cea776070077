export * from './core/index.js';
export * from './sample/index.js';
