// Runs TypeScript scripts with SWC (decorator metadata on) and the tsconfig path aliases.
process.env.SWC_NODE_PROJECT ??= require('node:path').join(__dirname, '..', 'tsconfig.json');
require('@swc-node/register');
