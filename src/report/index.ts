export * from './matrix-report';
export * from './verdict-report';
