export * from './policy-target';
export * from './network-policy';
export * from './default-deny';
export * from './allow-all';
export * from './allow-from';
export * from './allow-to';
export * from './allow-connection';
export * from './allow-dns';
