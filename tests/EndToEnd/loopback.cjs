// Preloaded into the Agents Playground (`node --require ./loopback.cjs cli.js start ...`) by
// tests/HealthGuideBot.EndToEnd.Tests. Playground 0.2.28 calls `server.listen(port)` with no host, so it
// listens on every interface, and its CLI has no flag to change that. Tests must stay on loopback, so
// every listen() that names no host or path is pinned to 127.0.0.1 here. No dependencies; plain Node.
'use strict';
const net = require('node:net');

const LOOPBACK = '127.0.0.1';
const originalListen = net.Server.prototype.listen;

net.Server.prototype.listen = function listenOnLoopback(...args) {
  const first = args[0];
  if (args.length === 0 || typeof first === 'function') {
    args.unshift(0, LOOPBACK); // listen() / listen(cb): a random port, on loopback
  } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    if (args.length > 1 && (args[1] === undefined || args[1] === null)) {
      args[1] = LOOPBACK; // listen(port, undefined, backlog, cb)
    } else if (typeof args[1] !== 'string') {
      args.splice(1, 0, LOOPBACK); // listen(port[, backlog][, cb])
    }
  } else if (first && typeof first === 'object' && first.path === undefined && first.handle === undefined
      && first.fd === undefined && !(first instanceof net.Server) && !first._handle) {
    if (first.host === undefined || first.host === null) args[0] = { ...first, host: LOOPBACK };
  }
  return originalListen.apply(this, args);
};
