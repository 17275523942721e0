export * from './finding';
export * from './validator';
export * from './cluster-network-policy-channel';
export * from './cluster-network-policy-validator';
