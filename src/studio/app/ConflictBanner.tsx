import { defineMessages, useMessages } from '../i18n/index.tsx';
import { selectConflict, usePackState } from '../state/index.ts';
import { useWorkspaceUi } from '../team/workspaceUi.tsx';

const messages = defineMessages({
  'zh-CN': {
    message:
      '此规则包已在另一个标签页中保存（修订 {revision}）。本页的修改没有保存，也不会覆盖对方的版本。',
    reload: '重新载入（放弃本页修改）',
    copy: '将本页版本另存为副本',
    team: '此规则包已由他人在团队服务器上保存（修订 {revision}）。本页的修改没有保存，也不会覆盖对方的版本。',
  },
  en: {
    message:
      "This pack was saved in another tab (revision {revision}). This tab's edits are not saved and will not overwrite that version.",
    reload: "Reload (discard this tab's edits)",
    copy: "Save this tab's version as a copy",
    team: "Someone else saved this pack on the team server (revision {revision}). This tab's edits are not saved and will not overwrite that version.",
  },
});

/** Shown when another tab saved the open pack first: the user chooses, nothing is overwritten. */
export function ConflictBanner(props: { onReload: () => void; onSaveCopy: () => void }) {
  const conflict = usePackState(selectConflict);
  const t = useMessages(messages);
  const { kind } = useWorkspaceUi();
  if (!conflict) return null;
  return (
    <div className="banner banner-warn" role="alert" data-testid="conflict">
      <span>{t(kind === 'team' ? 'team' : 'message', { revision: conflict.revision })}</span>
      <button className="btn btn-small" onClick={props.onReload} data-testid="conflict-reload">
        {t('reload')}
      </button>
      <button
        className="btn btn-small btn-primary"
        onClick={props.onSaveCopy}
        data-testid="conflict-copy"
      >
        {t('copy')}
      </button>
    </div>
  );
}
