// The transport as one module: the build emits it once (dist/nodes/ConstantContact/transport.js) and
// both nodes require it, so the pacer and the refresh gate are shared by the node and the trigger.
export * from './activities';
export * from './constants';
export * from './errors';
export * from './pacing';
export * from './paginate';
export * from './request';
export * from './responses';
export * from './retry';
export * from './scopes';
export * from './token';
