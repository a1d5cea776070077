export * from './core/index';
export * from './sample/index';
