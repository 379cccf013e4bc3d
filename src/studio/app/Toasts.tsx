import { useStore } from 'zustand';
import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';
import { dismissToast, toastStore } from './toasts.ts';

const messages = defineMessages({
  'zh-CN': { close: '关闭' },
  en: { close: 'Dismiss' },
});

export function Toasts() {
  const toasts = useStore(toastStore, (s) => s.toasts);
  const t = useMessages(messages);
  const localize = useLocalize();
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.kind}`} role="status">
          <span>{localize(toast.message)}</span>
          {toast.action && (
            <button
              className="btn btn-link"
              onClick={() => {
                toast.action?.run();
                dismissToast(toast.id);
              }}
            >
              {localize(toast.action.label)}
            </button>
          )}
          <button
            className="btn btn-icon"
            aria-label={t('close')}
            onClick={() => dismissToast(toast.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
