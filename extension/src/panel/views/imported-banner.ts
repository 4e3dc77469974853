import { h, type ComponentChild } from 'preact';
import type { ImportedSession } from '../export/read-session-file.js';

/** Says an imported file is shown, judged offline, with its reading problems and a way back. */
export function ImportedBanner(props: {
  imported: ImportedSession & { name: string };
  planLabel: string;
  onBack: () => void;
}): ComponentChild {
  const { imported } = props;
  const problems =
    imported.errors.length === 0
      ? ''
      : ` ${imported.errors.length} problems: ${imported.errors[0]?.message ?? ''}`;
  return h(
    'div',
    { class: 'banner', role: 'status' },
    `Imported ${imported.name} (${imported.format}), judged offline by ${props.planLabel}.`,
    problems,
    ' ',
    h('button', { onClick: props.onBack }, 'Back to the live tab'),
  );
}
