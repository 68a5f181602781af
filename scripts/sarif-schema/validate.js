// Validates SARIF files against a SARIF JSON schema with ajv: node validate.js <schema.json> <file.sarif>...
// Exit 0 when every file is valid. Run from a folder whose node_modules holds ajv and ajv-formats.
const path = require('path');
const fs = require('fs');
const req = (name) => require(require.resolve(name, { paths: [process.cwd()] }));
const Ajv = req('ajv').default;
const addFormats = req('ajv-formats');
const [schemaFile, ...files] = process.argv.slice(2);
const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
// The schema is draft-04: ajv 8 reads its id as $id; its language-tag pattern needs non-unicode regular expressions.
delete schema['$schema'];
schema['$id'] = schema.id;
delete schema.id;
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);
let failed = 0;
for (const file of files) {
  const ok = validate(JSON.parse(fs.readFileSync(file, 'utf8')));
  console.log(`${path.basename(file)}: ${ok ? 'valid SARIF 2.1.0' : 'INVALID ' + JSON.stringify(validate.errors.slice(0, 5))}`);
  if (!ok) failed++;
}
process.exit(failed ? 1 : 0);
