import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledCaptures, packageRoot, rowsNamedBy, runCli } from './run-cli.js';

describe('tagwarden --help', () => {
  it.each(
    rowsNamedBy('command', [
      {
        command: 'tagwarden --help',
        args: ['--help'],
        names: [
          'decode [options] <url>',
          'replay [options] <pushes>',
          'check [options] <inputs...>',
        ],
      },
      {
        command: 'tagwarden decode --help',
        args: ['decode', '--help'],
        names: ['<url>', '--body <file>', '--format <format>', '"json"', '"table"'],
      },
      {
        command: 'tagwarden replay --help',
        args: ['replay', '--help'],
        names: ['<pushes>', '$arguments', '--format <format>', '"json"', '"table"'],
      },
      {
        command: 'tagwarden check --help',
        args: ['check', '--help'],
        names: [
          '<inputs...>',
          '--plan <plan>',
          'ga4-recommended',
          '--format <format>',
          '"text"',
          '"json"',
          '"junit"',
          '"markdown"',
          '--fail-on <severity>',
          '"never"',
          '--output <file>',
        ],
      },
      {
        command: 'tagwarden help check',
        args: ['help', 'check'],
        names: ['--plan <plan>', '--fail-on <severity>', '--output <file>'],
      },
    ]),
  )('`%s` prints usage naming every option and exits 0', (_, { args, names }) => {
    const run = runCli(args);

    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Usage: tagwarden/);
    for (const name of names) expect(run.stdout).toContain(name);
  });

  it('prints the version of package.json and exits 0', () => {
    const manifest = JSON.parse(readFileSync(`${packageRoot}package.json`, 'utf8')) as {
      version: string;
    };

    const run = runCli(['--version']);

    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(manifest.version);
  });
});

describe('tagwarden usage errors', () => {
  it.each(
    rowsNamedBy('mistake', [
      {
        mistake: 'an unknown verb',
        args: ['frobnicate'],
        message: "unknown command 'frobnicate'",
      },
      { mistake: 'an unknown option', args: ['--nope'], message: "unknown option '--nope'" },
      { mistake: 'decode without a URL', args: ['decode'], message: "argument 'url'" },
      { mistake: 'replay without a file', args: ['replay'], message: "argument 'pushes'" },
      {
        mistake: 'check without inputs',
        args: ['check', '--plan', 'ga4-recommended'],
        message: "argument 'inputs'",
      },
      {
        mistake: 'check without --plan',
        args: ['check', bundledCaptures],
        message: "'--plan <plan>' not specified",
      },
      {
        mistake: 'check with a format it does not write',
        args: ['check', bundledCaptures, '--plan', 'ga4-recommended', '--format', 'xml'],
        message: "argument 'xml' is invalid",
      },
      {
        mistake: 'check with a severity that does not exist',
        args: ['check', bundledCaptures, '--plan', 'ga4-recommended', '--fail-on', 'sometimes'],
        message: "argument 'sometimes' is invalid",
      },
      {
        mistake: 'decode with a format it does not write',
        args: ['decode', 'v=2&tid=G-123456&en=login', '--format', 'yaml'],
        message: "argument 'yaml' is invalid",
      },
    ]),
  )('%s exits 2 and says what is wrong on stderr', (_, { args, message }) => {
    const run = runCli(args);

    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('--help');
  });

  it('no verb at all prints the usage on stderr and exits 2', () => {
    const run = runCli([]);

    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^Usage: tagwarden/);
  });
});
