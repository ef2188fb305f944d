// @vitest-environment node
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layer rules of eslint.config.js, run through ESLint's own API on code written here: each
 * case lints a line of imports as if it sat at `filePath`, so a rule that stopped catching its
 * violation fails this test rather than passing silently.
 */
const root = import.meta.dirname;
const features = fs
  .readdirSync(path.join(root, 'src/features'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

const lint = async (filePath: string, code: string) => {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
};
const boundaryErrors = async (filePath: string, code: string) =>
  (await lint(filePath, code)).filter((m) => m.startsWith('import-x/no-restricted-paths'));

describe('layer boundaries', { timeout: 30_000 }, () => {
  it('refuses an import from features/dossiers into features/eform', async () => {
    expect(await boundaryErrors('src/features/eform/Probe.tsx', "import '../dossiers/DossierPage.tsx';\n")).toEqual([
      expect.stringContaining('Features never import each other'),
    ]);
  });

  it('sees lazy imports and re-exports too', async () => {
    const code = "export const page = () => import('../dossiers/DossierPage.tsx');\nexport { Timeline } from '../dossiers/Timeline.tsx';\n";
    expect(await boundaryErrors('src/features/eform/Probe.ts', code)).toHaveLength(2);
  });

  it('fences in every folder of src/features, the ones named in no list included', async () => {
    expect(features).toEqual(expect.arrayContaining(['dossiers', 'eform', 'outbox', 'payment', 'supplement']));
    for (const from of features) {
      const other = features.find((f) => f !== from)!;
      const file = fs.readdirSync(path.join(root, 'src/features', other)).find((name) => /\.tsx?$/.test(name))!;
      const errors = await boundaryErrors(`src/features/${from}/Probe.ts`, `import '../${other}/${file}';\n`);
      expect(errors, `${from} → ${other}`).toHaveLength(1);
    }
  });

  it('lets a feature import its own files and the layers below it', async () => {
    const code = [
      "import './ApplyFormPage.tsx';",
      "import '../../components/errors/ErrorPanel.tsx';",
      "import '../../offline/personal-db.ts';",
      "import '../../api/errors.ts';",
      "import '../../auth/session.ts';",
      "import '../../lib/format.ts';",
      '',
    ].join('\n');
    expect(await lint('src/features/eform/Probe.tsx', code)).toEqual([]);
  });

  it('refuses lib importing a feature', async () => {
    expect(await boundaryErrors('src/lib/probe.ts', "import '../features/eform/ApplyFormPage.tsx';\n")).toEqual([
      expect.stringContaining('src/lib/ may import only itself'),
    ]);
  });

  it('refuses components importing a feature or the app', async () => {
    const errors = await boundaryErrors('src/components/ui/Probe.tsx', "import '../../features/dossiers/DossierPage.tsx';\nimport '../../app/routes.tsx';\n");
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain('src/components/ may import only');
  });

  it('refuses the lower layers reaching up: api → offline, auth → api, auth → offline', async () => {
    expect(await boundaryErrors('src/api/probe.ts', "import '../offline/outbox.ts';\n")).toHaveLength(1);
    expect(await boundaryErrors('src/auth/probe.ts', "import '../api/client.ts';\n")).toHaveLength(1);
    expect(await boundaryErrors('src/auth/probe.ts', "import '../offline/personal-db.ts';\n")).toHaveLength(1);
  });

  it('keeps mocks and test helpers out of the app, not out of its tests', async () => {
    const code = "import '../../../mocks/db.ts';\nimport '../../test/render-route.tsx';\n";
    expect(await boundaryErrors('src/features/eform/Probe.tsx', code)).toHaveLength(2);
    expect(await boundaryErrors('src/features/eform/Probe.test.tsx', code)).toEqual([]);
  });
});

describe('no cycles', { timeout: 30_000 }, () => {
  it('reports two files that import each other', async () => {
    const dir = fs.mkdtempSync(path.join(root, 'src/lib/lint-cycle-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.ts'), "import { b } from './b.ts';\nexport const a = (): number => b() + 1;\n");
      fs.writeFileSync(path.join(dir, 'b.ts'), "import { a } from './a.ts';\nexport const b = (): number => (Math.random() > 2 ? a() : 0);\n");
      const [result] = await eslint.lintFiles([path.join(dir, 'a.ts')]);
      expect(result?.messages.map((m) => m.ruleId)).toEqual(['import-x/no-cycle']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
