import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { graphQLHardening } from '@spie/platform/graphql';

const schema = buildSchema(readFileSync('schemas/graphql/gateway.graphql', 'utf8'));
const [file, ...names] = process.argv.slice(2);
const mod = require(require('node:path').resolve(file));
const { validationRules } = graphQLHardening({ production: false, introspection: false } as never);
for (const name of names) {
  const errors = validate(schema, parse(mod[name]), validationRules as never);
  console.log(name, errors.length === 0 ? 'OK' : errors.map((e) => e.message));
}
