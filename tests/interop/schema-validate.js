// schema-validate.js: validate quiz files (YAML) against
// schema/quiz.schema.json with ajv (JSON Schema draft-07).
//
//   node tests/interop/schema-validate.js valid FILE.yaml...    every file must pass
//   node tests/interop/schema-validate.js invalid FILE.yaml...  every file must fail
// Prints "N passed, N failed".
'use strict';
const fs = require('fs');
const path = require('path');
const YAML = require('yaml');
const Ajv = require('ajv');

const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../schema/quiz.schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

const [want, ...files] = process.argv.slice(2);
let passed = 0, failed = 0;
for (const f of files) {
  let ok, why = '';
  try {
    // YAML 1.2 core schema, as editors read it: "no" stays text.
    const doc = YAML.parse(fs.readFileSync(f, 'utf8'), { schema: 'core', uniqueKeys: true });
    ok = validate(doc);
    if (!ok) why = validate.errors.slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
  } catch (e) {
    ok = false;
    why = e.message.split('\n')[0];
  }
  if ((want === 'valid') === ok) {
    passed++;
    if (!ok) console.log(`${f}: invalid as expected: ${why}`);
  } else {
    failed++;
    console.log(`${f}: expected ${want}, got ${ok ? 'valid' : 'invalid: ' + why}`);
  }
}
console.log(`schema-validate: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
