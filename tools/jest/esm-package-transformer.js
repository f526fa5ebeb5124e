// Jest runs CommonJS and cannot load an ESM-only package; Node (≥ 20.19) and the built apps
// load it with require(esm). This turns the few such packages' files into CommonJS for Jest
// only (jest.config.js lists them): TypeScript transpiles the `import`/`export` statements,
// and `import.meta.url` / `dirname` / `filename`, which CommonJS lacks, become the file's own.
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const ts = require('typescript');

// Jest caches by this key: a change to this file must not leave stale output behind.
const SELF = fs.readFileSync(__filename, 'utf8');

module.exports = {
  getCacheKey(source, filename) {
    return createHash('sha256').update(SELF).update(filename).update(source).digest('hex');
  },
  process(source, filename) {
    const withFileUrl = source
      .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(filename).href))
      .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(filename)))
      .replaceAll('import.meta.filename', JSON.stringify(filename));
    const { outputText } = ts.transpileModule(withFileUrl, {
      fileName: filename,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        allowJs: true,
        esModuleInterop: true,
      },
    });
    return { code: outputText };
  },
};
