import { useEffect, useRef, type ReactNode } from 'react';

/** A modal dialog: Escape or a click outside cancels, focus starts inside it. */
export function Dialog(props: {
  title: string;
  onCancel: () => void;
  children: ReactNode;
  actions: ReactNode;
}) {
  const { title, onCancel, children, actions } = props;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const first = ref.current?.querySelector<HTMLElement>('input, button.btn-primary, button');
    first?.focus();
  }, []);
  return (
    <div className="overlay" onMouseDown={onCancel}>
      <div
        ref={ref}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel();
        }}
      >
        <h2 className="dialog-title">{title}</h2>
        <div className="dialog-body">{children}</div>
        <div className="dialog-actions">{actions}</div>
      </div>
    </div>
  );
}
