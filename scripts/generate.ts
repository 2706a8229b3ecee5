/**
 * Generates the files under generated/ from openapi.yaml.
 *
 *   npm run generate          writes every generated file
 *   npm run generate:check    fails when a committed file differs from a fresh generation
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import {
  buildSchemaDocument,
  loadOpenApiDocument,
  resolveReference,
  rootDir,
  schemaDocumentId,
  specPath,
  type OpenApiParameter,
} from './lib/openapi-document.js';

/** One file that the generator writes, with its full contents. */
export interface GeneratedFile {
  path: string;
  contents: string;
}

function header(commentStart: string, commentLine: string, commentEnd: string): string {
  return [
    commentStart,
    `${commentLine}This file is generated from openapi.yaml by \`npm run generate\` (scripts/generate.ts).`,
    `${commentLine}Do not edit it by hand: change openapi.yaml and run \`npm run generate\` again.`,
    commentEnd,
    '',
  ].join('\n');
}

/** Renders the TypeScript types of every path and schema in openapi.yaml. */
async function generateTypes(): Promise<GeneratedFile> {
  const ast = await openapiTS(pathToFileURL(specPath), {
    exportType: true,
  });
  return {
    path: resolve(rootDir, 'generated/openapi.d.ts'),
    contents: header('/**', ' * ', ' */') + astToString(ast),
  };
}

// ajv/dist/standalone is CommonJS: `module.exports` is the function and also carries it as `default`.
const standaloneCode = standaloneCodeModule as unknown as {
  default: (ajv: Ajv2020, refs: Record<string, string>) => string;
};

/**
 * Builds the JSON Schema of the `listClients` query: one property per query
 * parameter, exactly as the spec declares it, and no other property.
 */
function buildQuerySchema(): Record<string, unknown> {
  const document = loadOpenApiDocument(specPath);
  const operation = document.paths['/clients']?.get;
  if (!operation) throw new Error('openapi.yaml has no GET /clients operation');

  const parameters = operation.parameters
    .map((parameter) => resolveReference<OpenApiParameter>(document, parameter))
    .filter((parameter) => parameter.in === 'query');
  return {
    $id: 'https://api.fatora.io/schemas/list-clients-query.json',
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(
      parameters.map((parameter) => [parameter.name, parameter.schema]),
    ),
    required: parameters
      .filter((parameter) => parameter.required)
      .map((parameter) => parameter.name),
  };
}

const annotationKeywords = new Set(['description', 'examples', 'example', 'title', '$comment']);
const schemaMapKeywords = new Set(['properties', '$defs', 'patternProperties', 'dependentSchemas']);

/**
 * Removes annotation keywords, which never change a validation result, so
 * that the generated code does not carry the spec's prose. Keys of schema
 * maps such as `properties` are names, not keywords, and are kept.
 */
function stripAnnotations(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(stripAnnotations);
  if (typeof schema !== 'object' || schema === null) return schema;

  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (annotationKeywords.has(key)) continue;
    result[key] = schemaMapKeywords.has(key)
      ? Object.fromEntries(
          Object.entries(value as Record<string, unknown>).map(([name, child]) => [
            name,
            stripAnnotations(child),
          ]),
        )
      : stripAnnotations(value);
  }
  return result;
}

/**
 * Compiles Ajv validators for the query parameters and the 200 body into
 * standalone ES module code, so the client validates against the spec
 * without compiling schemas, or even loading Ajv, at run time.
 */
function generateValidators(): GeneratedFile[] {
  const ajv = new Ajv2020({ allErrors: true, strict: true, code: { source: true, esm: true } });
  ajv.addSchema(stripAnnotations(buildSchemaDocument(loadOpenApiDocument(specPath))) as object);
  ajv.addSchema(stripAnnotations(buildQuerySchema()) as object);

  const code = standaloneCode.default(ajv, {
    validateClientList: `${schemaDocumentId}#/$defs/ClientList`,
    validateListClientsQuery: 'https://api.fatora.io/schemas/list-clients-query.json',
  });
  if (/\brequire\(/.test(code)) {
    throw new Error(
      'The standalone validators import an Ajv runtime helper, which the package does not ship. ' +
        'Remove the schema keyword that needs it (for example minLength or a format) or ship the helper.',
    );
  }

  const declarations = [
    "import type { ClientListValidator, QueryValidator } from '../src/validator-types.js';",
    '',
    '/** Validates a 200 body of `GET /clients` against `#/components/schemas/ClientList`. */',
    'export declare const validateClientList: ClientListValidator;',
    '',
    '/** Validates `GET /clients` query parameters against their schemas in openapi.yaml. */',
    'export declare const validateListClientsQuery: QueryValidator;',
    '',
  ].join('\n');

  return [
    {
      path: resolve(rootDir, 'generated/validators.js'),
      contents: header('/**', ' * ', ' */') + code + '\n',
    },
    {
      path: resolve(rootDir, 'generated/validators.d.ts'),
      contents: header('/**', ' * ', ' */') + declarations,
    },
  ];
}

const generators: Array<() => GeneratedFile | GeneratedFile[] | Promise<GeneratedFile>> = [
  generateTypes,
  generateValidators,
];

/** Runs every generator and returns the files it would write. */
export async function generateAll(): Promise<GeneratedFile[]> {
  const files = await Promise.all(generators.map((generate) => Promise.resolve(generate())));
  return files.flat();
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const files = await generateAll();

  if (check) {
    const stale: string[] = [];
    for (const file of files) {
      if ((await readIfExists(file.path)) !== file.contents)
        stale.push(relative(rootDir, file.path));
    }
    if (stale.length > 0) {
      console.error(
        `Generated files are out of date with openapi.yaml: ${stale.join(', ')}.\n` +
          'Run `npm run generate` and commit the result.',
      );
      process.exitCode = 1;
      return;
    }
    console.log(`Generated files are up to date (${files.length} checked).`);
    return;
  }

  for (const file of files) {
    await mkdir(dirname(file.path), { recursive: true });
    await writeFile(file.path, file.contents);
    console.log(`Wrote ${relative(rootDir, file.path)}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
