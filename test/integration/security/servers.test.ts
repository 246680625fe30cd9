// The local HTTP servers (the headless printer, the test host) answer only Offramp's own page: a per-run token, the
// Host they were started under, no cross-origin request, and — for the printer — no channel that is not a read.
import http from 'node:http';
import path from 'node:path';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRINT_CHANNELS, startRendererServer, type RendererServer } from '../../../electron/exporters/rendererServer.ts';
import { channels, isChannelName } from '../../../shared/ipc/index.ts';
import { aWorkspace, type TestApp } from '../../support/app.ts';
import { tempDir } from '../../support/tmp.ts';

interface Answer {
  status: number;
  body: string;
}

/** A raw request, so headers a browser would set (Host, Origin, Sec-Fetch-Site) can be forged as an attacker would. */
function request(url: string, o: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: o.method ?? 'GET', headers: o.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(o.body);
  });
}

const json = { 'content-type': 'application/json' };

describe('the headless printer', () => {
  let t: TestApp;
  let server: RendererServer;
  let dir: string;

  beforeAll(async () => {
    t = await aWorkspace();
    await t.call('clients.create', { name: 'Acme Bank' });
    // A tiny renderer build of its own, so this test does not depend on (or race) a real build.
    dir = tempDir();
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Offramp</title>');
    server = await startRendererServer(t.app.dispatch, { dir });
  });
  afterAll(async () => {
    await server?.close();
    t?.app.close();
  });

  it('listens on 127.0.0.1 under a random token, and answers the page and the print view\'s reads', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[A-Za-z0-9_-]{32}\/$/);
    expect((await request(server.url)).status).toBe(200);
    const r = await request(`${server.url}ipc/clients.list`, { method: 'POST', headers: json, body: '{}' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: [{ name: 'Acme Bank' }] });
  });

  it('refuses a request without the token, or with a wrong one', async () => {
    const origin = new URL(server.url).origin;
    for (const url of [`${origin}/`, `${origin}/index.html`, `${origin}/ipc/clients.list`, `${origin}/not-the-token/ipc/clients.list`]) {
      const r = url.includes('/ipc/') ? await request(url, { method: 'POST', headers: json, body: '{}' }) : await request(url);
      expect(r.status, url).toBe(403);
      expect(r.body).not.toMatch(/Acme Bank/);
    }
  });

  it('refuses a cross-origin POST, even one that knows the token', async () => {
    const forged: Record<string, string>[] = [
      { 'content-type': 'application/json', origin: 'https://evil.example' },
      { 'content-type': 'text/plain', origin: 'https://evil.example' },
      { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
      { 'content-type': 'text/plain' },
    ];
    for (const headers of forged) {
      const r = await request(`${server.url}ipc/clients.list`, { method: 'POST', headers, body: '{}' });
      expect(r.status, JSON.stringify(headers)).toBe(403);
      expect(r.body).not.toMatch(/Acme Bank/);
    }
  });

  it('refuses a foreign Host (DNS rebinding)', async () => {
    for (const host of ['evil.example', `evil.example:${new URL(server.url).port}`, 'localhost']) {
      const r = await request(`${server.url}ipc/clients.list`, { method: 'POST', headers: { ...json, host }, body: '{}' });
      expect(r.status, host).toBe(403);
    }
  });

  it('refuses every channel that writes or names files, with 403', async () => {
    const before = await t.call('clients.list', {});
    for (const channel of ['clients.create', 'clients.delete', 'workspace.saveCopy', 'workspace.open', 'workspace.create', 'export.workspaceJson', 'imports.chooseFile', 'history.undo']) {
      const r = await request(`${server.url}ipc/${channel}`, { method: 'POST', headers: json, body: JSON.stringify({ name: 'Injected', id: before[0].id }) });
      expect(r.status, channel).toBe(403);
    }
    expect(await t.call('clients.list', {})).toEqual(before);
  });

  it('allows only channels that are declared read-only', () => {
    for (const c of PRINT_CHANNELS) {
      expect(isChannelName(c), c).toBe(true);
      if (isChannelName(c)) expect(channels[c].mutates, c).toBe(false);
    }
  });
});

describe('the test host', () => {
  it('answers every channel, still only with the token and its own Host', async () => {
    const t = await aWorkspace();
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Offramp</title>');
    const server = await startRendererServer(t.app.dispatch, { dir, channels: 'all' });
    try {
      const ok = await request(`${server.url}ipc/clients.create`, { method: 'POST', headers: json, body: JSON.stringify({ name: 'Acme Bank' }) });
      expect(JSON.parse(ok.body)).toMatchObject({ ok: true });
      const origin = new URL(server.url).origin;
      expect((await request(`${origin}/ipc/clients.list`, { method: 'POST', headers: json, body: '{}' })).status).toBe(403);
      expect((await request(`${server.url}ipc/clients.list`, { method: 'POST', headers: { ...json, host: 'evil.example' }, body: '{}' })).status).toBe(403);
      expect((await request(`${server.url}ipc/clients.list`, { method: 'POST', headers: { ...json, origin: 'http://evil.example' }, body: '{}' })).status).toBe(403);
    } finally {
      await server.close();
      t.app.close();
    }
  });
});
