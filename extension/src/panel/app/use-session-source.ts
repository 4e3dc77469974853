import { useState } from 'preact/hooks';
import type { TabSession } from '../../common/session-types.js';
import { readSessionFile, type ImportedSession } from '../export/read-session-file.js';
import { useLiveSession } from './use-live-session.js';

export interface SessionSource {
  session: TabSession | null;
  version: number;
  imported: (ImportedSession & { name: string }) | null;
  importText(name: string, text: string): void;
  backToLive(): void;
}

/** The session shown: the tab's, live, or a file the user imported to judge offline. */
export function useSessionSource(tabId: number | null): SessionSource {
  const [imported, setImported] = useState<(ImportedSession & { name: string }) | null>(null);
  const [importCount, setImportCount] = useState(0);
  const live = useLiveSession(imported === null ? tabId : null);
  return {
    session: imported?.session ?? live.session,
    version: imported === null ? live.version : -importCount,
    imported,
    importText: (name, text) => {
      setImported({ name, ...readSessionFile(text, name) });
      setImportCount((count) => count + 1);
    },
    backToLive: () => setImported(null),
  };
}

/** The page URL a session is about: its latest top-frame navigation, else its first record's. */
export function sessionPageUrl(session: TabSession | null): string | undefined {
  if (session === null) return undefined;
  return (
    session.navigations.at(-1)?.url ??
    session.pushes.find((push) => push.pageUrl !== '')?.pageUrl ??
    session.hits.find((hit) => hit.page?.pageUrl)?.page?.pageUrl
  );
}
