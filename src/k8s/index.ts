export * from './protocol';
export * from './traffic-direction';
export * from './cluster-policy-action';
export * from './cluster-policy-tier';
