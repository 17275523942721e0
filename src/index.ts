export * from './policy';
export * from './validation';
export * from './analysis';
export * from './constructs';
export * from './assertions';
export * from './report';
