import type { ContainerContext } from '../contract.js';
import type { PermissionRule } from './permission-rule.js';

function presenceRule(id: string, contexts: ContainerContext[]): PermissionRule {
  // These permissions have no configuration (`"param": []`): declaring them is the grant.
  return { id, contexts, check: () => undefined };
}

/** Permissions that carry no params (reference notes §1.5). */
export const plainRules: PermissionRule[] = [
  presenceRule('access_template_storage', ['web', 'server']),
  presenceRule('read_container_data', ['web', 'server']),
  presenceRule('read_event_metadata', ['web', 'server']),
  presenceRule('read_title', ['web']),
  presenceRule('read_character_set', ['web']),
  presenceRule('return_response', ['server']),
  presenceRule('run_container', ['server']),
];

/**
 * logging: `environments` debug|all; query `()` asks about the current run, `('debug')`
 * whether logging is declared at all. `debug` limits logging to preview and debug runs
 * (and template tests, which GTM runs in debug).
 */
export const loggingRule: PermissionRule = {
  id: 'logging',
  contexts: ['web', 'server'],
  check: (params, args, mode) => {
    const environments = params.text('environments');
    if (environments === 'all' || environments === undefined) return undefined;
    if (mode.isDebug || args[0] === 'debug') return undefined;
    return {
      subject: 'logging outside preview and debug mode',
      fix: "set its environments to 'all'",
    };
  },
};
