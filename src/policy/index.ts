export * from './label-expression';
export * from './label-selector';
export * from './peer';
export * from './port-range';
