import { describe, expect, it } from 'vitest';
import { PermissionDeniedError } from '../../gtm-template/sandbox/contract.js';
import { createPermissionChecker } from '../../gtm-template/sandbox/permissions/create-permission-checker.js';
import { permissionRules } from '../../gtm-template/sandbox/permissions/permission-rules.js';
import { permission } from './permission-entry.js';

const rules = [...permissionRules.values()].flatMap((rule) =>
  rule.contexts.map((context) => [rule.id, context] as const),
);

describe('every permission id', () => {
  it('covers the 30 ids of the reference notes (18 web, 12 server-only)', () => {
    expect(permissionRules.size).toBe(30);
  });

  it.each(rules)(
    '%s is refused in a %s template that does not declare it, by name',
    (id, context) => {
      const checker = createPermissionChecker([permission('some_other_permission')], context);
      expect(checker.query(id)).toBe(false);
      expect(() => checker.assert('someApi', id)).toThrow(PermissionDeniedError);
      expect(() => checker.assert('someApi', id)).toThrow(
        `someApi: the template does not declare the ${id} permission; add it on the Permissions tab`,
      );
    },
  );

  it.each(rules)(
    '%s in a %s template is declared by an entry without params only as far as its rule allows',
    (id, context) => {
      const checker = createPermissionChecker([permission(id)], context);
      const verdict = checker.query(id);
      const hasNoParams = [
        'access_template_storage',
        'read_container_data',
        'read_event_metadata',
        'read_title',
        'read_character_set',
        'return_response',
        'run_container',
        'logging',
      ].includes(id);
      expect(verdict).toBe(hasNoParams);
    },
  );
});
