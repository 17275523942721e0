export * from './matrix-report';
export * from './verdict-report';
export * from './intent-report';
export * from './finding-report';
export * from './reachability-report';
export * from './connection-report';
export * from './diff-report';
export * from './app-connections';
