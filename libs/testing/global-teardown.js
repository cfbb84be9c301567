// Drops this run's template database (the suites drop their own clones).
const { Client } = require('pg');

module.exports = async function globalTeardown() {
  const template = process.env.CAREER_TOOLS_TEST_TEMPLATE;
  if (!template || !template.includes('test')) return;
  const server = process.env.TEST_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
  const client = new Client({ connectionString: `${server}/postgres` });
  await client.connect();
  try {
    await client.query(`drop database if exists "${template}" with (force)`);
  } finally {
    await client.end();
  }
};
