import { readdirSync, readFileSync } from 'node:fs';

/** CPU milliseconds a browser's processes have used, by kind; undefined without `/proc`. */
export interface ProcessTreeCpu {
  total: number;
  /** The browser process itself: UI thread, IPC routing, storage areas, webRequest. */
  browser: number;
  /** Extension processes: the background service worker. */
  extension: number;
  /** Page renderers, every thread. */
  renderer: number;
}

// Linux reports CPU in clock ticks of 1/100 s (USER_HZ).
const MS_PER_TICK = 10;

/**
 * Sums user and system CPU time over a process and all its descendants, from `/proc` (Linux).
 * Chromium runs each renderer, the network service and the GPU in processes of their own, so
 * this is what a page load costs the machine, wherever the work landed. Undefined where
 * `/proc` cannot be read.
 */
export function readProcessTreeCpu(rootPid: number | undefined): ProcessTreeCpu | undefined {
  if (rootPid === undefined) return undefined;
  let children: Map<number, number[]>;
  try {
    children = readChildren();
  } catch {
    return undefined;
  }
  const cpu: ProcessTreeCpu = { total: 0, browser: 0, extension: 0, renderer: 0 };
  const pending = [rootPid];
  for (let pid = pending.pop(); pid !== undefined; pid = pending.pop()) {
    pending.push(...(children.get(pid) ?? []));
    const ms = readCpuMs(pid);
    if (ms === undefined) continue;
    cpu.total += ms;
    const kind = kindOf(pid);
    if (kind !== undefined) cpu[kind] += ms;
  }
  return cpu;
}

function readChildren(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const fields = readStatFields(Number(name));
    if (fields === undefined) continue;
    const parent = Number(fields[1]);
    children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
  }
  return children;
}

/** The fields of `/proc/<pid>/stat` after the command name, which may hold spaces. */
function readStatFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

function readCpuMs(pid: number): number | undefined {
  const fields = readStatFields(pid);
  if (fields === undefined) return undefined;
  return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
}

// Chromium rewrites its processes' titles, so arguments are split on spaces as well as NULs.
function kindOf(pid: number): keyof Omit<ProcessTreeCpu, 'total'> | undefined {
  let args: string[];
  try {
    args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
  } catch {
    return undefined;
  }
  const type = args.find((arg) => arg.startsWith('--type='));
  if (type === undefined) return 'browser';
  if (type !== '--type=renderer') return undefined;
  return args.includes('--extension-process') ? 'extension' : 'renderer';
}
