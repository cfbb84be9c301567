// Jest loads globalSetup outside its module mapper: resolve the tsconfig aliases first.
const path = require('node:path');
const { compilerOptions } = require('../../tsconfig.json');
require('tsconfig-paths').register({
  baseUrl: path.join(__dirname, '../..'),
  paths: compilerOptions.paths,
});
module.exports = require('./src/global-setup').default;
