export * from './label-expression';
export * from './label-selector';
export * from './peer';
export * from './port-range';
export * from './cluster-policy-subject';
export * from './cluster-policy-peer';
export * from './cluster-policy-port';
