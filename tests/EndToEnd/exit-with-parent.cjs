// Preloaded into the Agents Playground by tests/HealthGuideBot.EndToEnd.Tests, which holds the write end of
// the Playground's stdin. When the test process ends, even by a crash that skips its clean-up, the pipe
// closes and the Playground exits instead of outliving the test run. No dependencies; plain Node.
'use strict';

process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
