import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import pg from 'pg';

/**
 * A PostgreSQL database made for one test file and dropped after it. The server is the
 * machine's own (`.ci/run` starts it), reached over its Unix socket as the current system user,
 * or at `TAGWARDEN_TEST_POSTGRES_URL` when set.
 */
export interface ScratchDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

const ADMIN_URL =
  process.env.TAGWARDEN_TEST_POSTGRES_URL ??
  `postgresql://${encodeURIComponent(userInfo().username)}@localhost/postgres?host=/var/run/postgresql`;

/** Why PostgreSQL cannot be used here, or undefined when it can. */
export async function postgresUnavailableReason(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return `PostgreSQL at ${ADMIN_URL} is not reachable (${String(error)}); start it with pg_ctlcluster 15 main start`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Tests skip without PostgreSQL on a developer machine, saying why; in CI (`CI=true`) they
 * run and fail instead, because `.ci/run` starts the server.
 */
export async function postgresSkipReason(): Promise<string | undefined> {
  const reason = await postgresUnavailableReason();
  return reason !== undefined && process.env.CI !== 'true' ? reason : undefined;
}

export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const name = `tagwarden_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await runAdmin(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => runAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function runAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
