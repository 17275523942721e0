export * from './finding';
export * from './validator';
