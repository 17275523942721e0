export * from './protocol';
export * from './traffic-direction';
