export * from './endpoint';
export * from './intent-kind';
export * from './intent-status';
export * from './intent-result';
export * from './lint-result';
export * from './only-sources-options';
export * from './reachability-intents';
export * from './report-contents';
