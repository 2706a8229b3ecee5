/**
 * Packs the package with `npm pack`, installs the tarball into a temporary
 * project, and checks it the way consumers use it: require() from
 * CommonJS, import from an ES module, TypeScript under node16 and bundler
 * resolution, and publint on the tarball.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rootDir } from '../../scripts/lib/openapi-document.js';

const execFileAsync = promisify(execFile);
const require = createRequire(import.meta.url);
const consumerDir = resolve(rootDir, 'test/package/consumer');
const tscPath = require.resolve('typescript/bin/tsc');
const tsxPath = resolve(dirname(require.resolve('tsx/package.json')), 'dist/cli.mjs');
// publint exports no ./package.json, so its CLI is found next to its main module.
const publintPath = resolve(dirname(require.resolve('publint')), 'cli.js');
const typeRoots = resolve(rootDir, 'node_modules/@types');

let workDir: string;
let projectDir: string;
let tarballPath: string;
let packedFiles: string[];

interface CommandResult {
  code: number;
  output: string;
}

async function run(command: string, args: string[], cwd: string): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await execFileAsync(command, args, { cwd, timeout: 180_000 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string; message: string };
    return {
      code: typeof failed.code === 'number' ? failed.code : 1,
      output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` || failed.message,
    };
  }
}

async function runChecked(command: string, args: string[], cwd: string): Promise<string> {
  const result = await run(command, args, cwd);
  if (result.code !== 0)
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${result.output}`);
  return result.output;
}

async function packPackage(): Promise<void> {
  const output = await runChecked(
    'npm',
    ['pack', '--json', '--pack-destination', workDir],
    rootDir,
  );
  const [packed] = JSON.parse(output.slice(output.indexOf('['))) as Array<{
    filename: string;
    files: Array<{ path: string }>;
  }>;
  if (!packed) throw new Error(`npm pack printed no package:\n${output}`);
  tarballPath = join(workDir, packed.filename);
  packedFiles = packed.files.map((file) => file.path).sort();
}

async function createConsumerProject(): Promise<void> {
  projectDir = join(workDir, 'consumer');
  await runChecked('mkdir', ['-p', projectDir], workDir);
  await writeFile(
    join(projectDir, 'package.json'),
    JSON.stringify({ name: 'fatora-client-consumer', version: '1.0.0', private: true }),
  );
  for (const file of ['clients-server.cjs', 'list-clients.cjs', 'list-clients.mjs'])
    await copyFile(join(consumerDir, file), join(projectDir, file));
  for (const extension of ['ts', 'mts', 'cts'])
    await copyFile(
      join(consumerDir, 'list-clients.ts'),
      join(projectDir, `list-clients.${extension}`),
    );
  await runChecked(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', tarballPath],
    projectDir,
  );
}

/** Writes a tsconfig for `files` with the given module settings and runs tsc on it. */
async function typeCheck(
  name: string,
  module: string,
  moduleResolution: string,
  files: string[],
): Promise<CommandResult> {
  const config = {
    compilerOptions: {
      target: 'ES2022',
      module,
      moduleResolution,
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      types: ['node'],
      typeRoots: [typeRoots],
    },
    files,
  };
  await writeFile(join(projectDir, `tsconfig.${name}.json`), JSON.stringify(config, null, 2));
  return run(process.execPath, [tscPath, '-p', `tsconfig.${name}.json`], projectDir);
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'fatora-package-'));
  await packPackage();
  await createConsumerProject();
}, 300_000);

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe('packed tarball', () => {
  it('contains both builds and their types', () => {
    for (const file of [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'dist/index.cjs',
      'dist/index.d.cts',
      'dist/index.d.ts',
      'dist/index.js',
      'package.json',
    ])
      expect(packedFiles, file).toContain(file);
  });

  it('leaves out sources and tests', () => {
    const unexpected = packedFiles.filter((file) =>
      /^(src|test|contract-tests|scripts)\//.test(file),
    );

    expect(unexpected).toEqual([]);
  });

  it('passes publint', async () => {
    const { code, output } = await run(
      process.execPath,
      [publintPath, 'run', tarballPath, '--strict'],
      workDir,
    );

    expect(output).toContain('All good!');
    expect(code).toBe(0);
  });
});

describe('runtime consumers', () => {
  const expectedRequest = {
    url: '/v1/clients?page=1&page_size=20',
    authorization: 'Bearer consumer-test-token',
  };

  it('require() loads the CommonJS build', async () => {
    const output = await runChecked(process.execPath, ['list-clients.cjs'], projectDir);
    const result = JSON.parse(output) as Record<string, unknown>;

    expect(result.entry).toMatch(/node_modules\/fatora-client\/dist\/index\.cjs$/);
    expect(result.names).toEqual(['Example Client One', 'Example Client Two']);
    expect(result.total).toBe(2);
    expect(result.errorClass).toBe('function');
    expect(result.request).toEqual(expectedRequest);
  });

  it('import loads the ES module build', async () => {
    const output = await runChecked(process.execPath, ['list-clients.mjs'], projectDir);
    const result = JSON.parse(output) as Record<string, unknown>;

    expect(result.entry).toMatch(/node_modules\/fatora-client\/dist\/index\.js$/);
    expect(result.names).toEqual(['Example Client One', 'Example Client Two']);
    expect(result.total).toBe(2);
    expect(result.errorClass).toBe('function');
    expect(result.request).toEqual(expectedRequest);
  });

  it('TypeScript consumer runs', async () => {
    const output = await runChecked(process.execPath, [tsxPath, 'list-clients.mts'], projectDir);

    expect(JSON.parse(output)).toEqual({ total: 1, notes: null, isApiError: false });
  });
});

describe('TypeScript consumers', () => {
  it('type-check under node16', async () => {
    const { code, output } = await typeCheck('node16', 'node16', 'node16', [
      'list-clients.mts',
      'list-clients.cts',
    ]);

    expect(output).toBe('');
    expect(code).toBe(0);
  });

  it('type-check under bundler', async () => {
    const { code, output } = await typeCheck('bundler', 'esnext', 'bundler', ['list-clients.ts']);

    expect(output).toBe('');
    expect(code).toBe(0);
  });

  it('report a wrong parameter type', async () => {
    await writeFile(
      join(projectDir, 'wrong-type.ts'),
      "import { createFatoraClient } from 'fatora-client';\n" +
        "const fatora = createFatoraClient({ token: 'consumer-test-token' });\n" +
        "void fatora.clients.list({ page_size: 'twenty' });\n",
    );

    const { code, output } = await typeCheck('wrong-type', 'esnext', 'bundler', ['wrong-type.ts']);

    expect(code).not.toBe(0);
    expect(output).toContain("wrong-type.ts(3,28): error TS2322: Type 'string' is not assignable");
  });
});

describe('publint', () => {
  it('rejects a package with a missing entry', async () => {
    const brokenDir = join(workDir, 'broken-package');
    await runChecked('mkdir', ['-p', brokenDir], workDir);
    await writeFile(
      join(brokenDir, 'package.json'),
      JSON.stringify({
        name: 'broken-package',
        version: '1.0.0',
        type: 'module',
        exports: { '.': { import: './dist/missing.js', require: './dist/missing.cjs' } },
      }),
    );
    const packOutput = await runChecked('npm', ['pack', '--json'], brokenDir);
    const [packed] = JSON.parse(packOutput.slice(packOutput.indexOf('['))) as Array<{
      filename: string;
    }>;

    const { code, output } = await run(
      process.execPath,
      [publintPath, 'run', join(brokenDir, packed!.filename), '--strict'],
      workDir,
    );

    expect(code).not.toBe(0);
    expect(output).toContain('dist/missing.js');
  });
});
