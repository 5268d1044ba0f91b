import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';

const schema = buildSchema(readFileSync('schemas/graphql/gateway.graphql', 'utf8'));
const [file, ...names] = process.argv.slice(2);
const mod = require(require('node:path').resolve(file));
for (const name of names) {
  const query: string = mod[name];
  let tokens = 0;
  for (let n = 100; n < 5000; n += 10) {
    try { parse(query, { maxTokens: n }); tokens = n; break; } catch { /* more */ }
  }
  let cost = '';
  try { validate(schema, parse(query), [costLimitRule({ maxCost: 1 } as never)]); } catch (e) { cost = String((e as Error).message); }
  console.log(name, 'tokens <=', tokens, cost.replace(/.*found /, 'cost '));
}
