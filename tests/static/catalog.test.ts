/**
 * @jest-environment node
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

import { checkBuildTools, checkUnpackedArchive } from './catalogRules';

const repo = path.resolve(__dirname, '../..');
const packageJson = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));

/** Builds the real archive from dist/ (the test command builds first) and unpacks it. */
function packAndUnpack(): { zipName: string; unpacked: string } {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'gosre-zip-'));
  const archive = execFileSync('bash', [path.join(repo, 'scripts/package.sh'), out], { encoding: 'utf8' }).trim();
  const unpacked = path.join(out, 'unpacked');
  execFileSync('python3', ['-m', 'zipfile', '-e', archive, unpacked]);
  return { zipName: path.basename(archive), unpacked };
}

describe('distributable archive', () => {
  const { zipName, unpacked } = packAndUnpack();
  const pluginDir = path.join(unpacked, 'gosre-stability-app');

  it('meets the plugin catalog rules', () => {
    expect(checkUnpackedArchive(zipName, unpacked, packageJson)).toEqual([]);
    expect(checkBuildTools(packageJson)).toEqual([]);
  });

  it('ships the app, the data source and both panels, each with module.js', () => {
    for (const dir of ['', 'datasource', 'panels/spike-cause', 'panels/oom-countdown']) {
      expect(fs.existsSync(path.join(pluginDir, dir, 'module.js'))).toBe(true);
      expect(fs.existsSync(path.join(pluginDir, dir, 'plugin.json'))).toBe(true);
    }
  });

  // The rules must be able to fail: break a copy of the archive in the ways the catalog rejects.
  describe('rejects a broken archive', () => {
    let broken: string;
    beforeEach(() => {
      broken = fs.mkdtempSync(path.join(os.tmpdir(), 'gosre-broken-'));
      fs.cpSync(unpacked, broken, { recursive: true });
    });
    const brokenDir = () => path.join(broken, 'gosre-stability-app');
    const editJson = (rel: string, edit: (j: Record<string, any>) => void) => {
      const file = path.join(brokenDir(), rel);
      const json = JSON.parse(fs.readFileSync(file, 'utf8'));
      edit(json);
      fs.writeFileSync(file, JSON.stringify(json));
    };

    it('names a nested plugin whose version drifted from package.json', () => {
      editJson('panels/oom-countdown/plugin.json', (j) => (j.info.version = '9.9.9'));
      expect(checkUnpackedArchive(zipName, broken, packageJson)).toContainEqual(
        expect.stringMatching(/oom-countdown\/plugin.json: version 9.9.9 differs/)
      );
    });

    it('names a nested plugin the root does not declare', () => {
      editJson('plugin.json', (j) => (j.includes = j.includes.filter((i: { type: string }) => i.type !== 'datasource')));
      expect(checkUnpackedArchive(zipName, broken, packageJson)).toContainEqual(
        'nested datasource/plugin.json is not declared in the root includes'
      );
    });

    it('names an id without its type suffix, a missing logo and a missing source map', () => {
      editJson('datasource/plugin.json', (j) => (j.id = 'gosre-stability-ds'));
      fs.rmSync(path.join(brokenDir(), 'panels/spike-cause/img/logo.svg'));
      fs.rmSync(path.join(brokenDir(), 'module.js.map'));
      const problems = checkUnpackedArchive(zipName, broken, packageJson);
      expect(problems).toContainEqual(expect.stringMatching(/does not end with its type "datasource"/));
      expect(problems).toContainEqual(expect.stringMatching(/spike-cause\/plugin.json: small logo/));
      expect(problems).toContainEqual('plugin.json: module.js.map missing beside it');
    });

    it('names an unsafe SVG, a pinned Grafana version and a template README', () => {
      fs.writeFileSync(path.join(brokenDir(), 'img/logo.svg'), '<svg onload="alert(1)"></svg>');
      editJson('plugin.json', (j) => (j.dependencies.grafanaDependency = '12.4.10'));
      fs.writeFileSync(path.join(brokenDir(), 'README.md'), '# Grafana Panel Plugin Template');
      const problems = checkUnpackedArchive(zipName, broken, packageJson);
      expect(problems).toContain('img/logo.svg has scripts, event handlers or external links');
      expect(problems).toContainEqual(expect.stringMatching(/pins one version/));
      expect(problems).toContain('README.md is still the create-plugin template');
    });

    it('names a wrong archive name and the toolkit', () => {
      expect(checkUnpackedArchive('plugin.zip', broken, packageJson)).toContainEqual(
        'archive name plugin.zip is not <id>-<version>.zip'
      );
      expect(checkBuildTools({ devDependencies: { '@grafana/toolkit': '9' } })).toEqual([
        'uses the deprecated @grafana/toolkit',
      ]);
    });
  });
});
