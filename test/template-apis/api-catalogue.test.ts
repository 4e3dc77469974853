import { describe, expect, it } from 'vitest';
import {
  apiCatalogue,
  catalogueEntry,
  catalogueNames,
} from '../../gtm-template/sandbox/apis/api-catalogue.js';

describe('the API catalogue', () => {
  it('lists the 50 web names of the reference plus require', () => {
    expect(catalogueNames('web')).toHaveLength(51);
    expect(catalogueNames('web')).toContain('require');
    expect(catalogueNames('web')).not.toContain('sendHttpRequest');
  });

  it('lists the 65 server names of the reference plus queryPermission and require', () => {
    expect(catalogueNames('server')).toHaveLength(67);
    expect(catalogueNames('server')).toContain('queryPermission');
    expect(catalogueNames('server')).not.toContain('injectScript');
  });

  it('names each API once', () => {
    const names = apiCatalogue.map((item) => item.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each([
    ['sendPixel', 'web', ['send_pixel']],
    ['sendHttpRequest', 'server', ['send_http']],
    ['getCookieValues', 'server', ['get_cookies']],
    ['JSON', 'web', []],
    ['templateDataStorage', 'server', ['access_template_storage']],
  ] as const)('says %s in a %s template needs %j', (name, context, permissions) => {
    expect(catalogueEntry(name, context)?.permissions).toEqual(permissions);
  });

  it('answers undefined for a name of the other context or an unknown name', () => {
    expect(catalogueEntry('sendHttpGet', 'web')).toBeUndefined();
    expect(catalogueEntry('copyFromWindow', 'server')).toBeUndefined();
    expect(catalogueEntry('fetch', 'web')).toBeUndefined();
    expect(catalogueEntry('toString', 'web')).toBeUndefined();
  });
});
