import { useMemo, useState } from 'react';
import type { Pack } from '../../domain/index.ts';
import type { CompiledPack } from '../../engine/index.ts';
import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';
import {
  autoMap,
  clientsFromCsv,
  clientsFromJsonl,
  readCsvRecords,
  targetsOf,
  type FileRecord,
} from './clientFile.ts';
import { formatCount } from './summary.ts';
import { setLoaded, useLoadedClients } from './populationStore.ts';

const messages = defineMessages({
  'zh-CN': {
    file: '客户文件（CSV 或 JSONL）',
    hint: 'CSV 表头如 clientId、facts.age、answers.Q1 会自动对应；其余列可手动指定或忽略。多选答案用 | 分隔。',
    column: '列',
    sample: '示例值',
    target: '对应到',
    ignore: '（忽略）',
    loaded: '{file}：已载入 {ok} 位客户，{bad} 行有问题',
    badRows: '有问题的行',
    line: '第 {line} 行',
    more: '还有 {n} 行未列出',
    date: '缺少评估日时使用',
    empty: '文件是空的',
  },
  en: {
    file: 'Client file (CSV or JSONL)',
    hint: 'CSV headers such as clientId, facts.age, answers.Q1 map themselves; map or ignore the other columns. Multiple-choice answers are joined with |.',
    column: 'Column',
    sample: 'Sample',
    target: 'Maps to',
    ignore: '(ignore)',
    loaded: '{file}: {ok} clients loaded, {bad} rows with problems',
    badRows: 'Rows with problems',
    line: 'line {line}',
    more: '{n} more rows not listed',
    date: 'Evaluation date when the file has none',
    empty: 'The file is empty',
  },
});

const SHOWN_BAD = 200;

type Props = { pack: Pack; packKey: string; compiled: CompiledPack; evaluationDate: string };

/** Reads a client file, maps its columns and lists the rows it cannot load, by line. */
export function LoadPanel({ pack, packKey, compiled, evaluationDate }: Props) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const loaded = useLoadedClients(packKey);
  const targets = useMemo(() => targetsOf(pack), [pack]);
  const [csv, setCsv] = useState<{ name: string; records: FileRecord[] } | null>(null);
  const [mapping, setMapping] = useState<string[]>([]);
  const [date, setDate] = useState(evaluationDate);
  const [empty, setEmpty] = useState(false);

  const applyCsv = (name: string, records: FileRecord[], map: string[], day: string) => {
    const read = clientsFromCsv(records, map, targets, compiled, day);
    setLoaded(packKey, { fileName: name, ...read });
  };

  const onFile = async (file: File) => {
    const text = await file.text();
    setEmpty(text.trim() === '');
    if (text.trim() === '') return;
    if (/\.jsonl?$/i.test(file.name) || text.trimStart().startsWith('{')) {
      setCsv(null);
      setLoaded(packKey, { fileName: file.name, ...clientsFromJsonl(text, compiled, date) });
      return;
    }
    const records = readCsvRecords(text);
    const map = autoMap(records[0]?.cells ?? [], targets);
    setCsv({ name: file.name, records });
    setMapping(map);
    applyCsv(file.name, records, map, date);
  };

  const header = csv?.records[0]?.cells ?? [];
  const sample = csv?.records[1]?.cells ?? [];
  return (
    <div className="pop-load">
      <p className="muted">{t('hint')}</p>
      <div className="pop-params">
        <label className="pop-field">
          {t('file')}
          <input
            type="file"
            accept=".csv,.jsonl,.json,.txt"
            data-testid="pop-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void onFile(file);
            }}
          />
        </label>
        <label className="pop-field">
          {t('date')}
          <input
            type="date"
            value={date}
            onChange={(e) => e.target.value && setDate(e.target.value)}
          />
        </label>
      </div>
      {empty && <p className="insp-error">{t('empty')}</p>}
      {csv && header.length > 0 && (
        <div className="pop-mapping">
          <table className="pop-table">
            <thead>
              <tr>
                <th>{t('column')}</th>
                <th>{t('sample')}</th>
                <th>{t('target')}</th>
              </tr>
            </thead>
            <tbody>
              {header.map((h, i) => (
                <tr key={i}>
                  <td>
                    <code>{h}</code>
                  </td>
                  <td className="muted">{sample[i] ?? ''}</td>
                  <td>
                    <select
                      aria-label={`${t('target')} ${h}`}
                      value={mapping[i] ?? ''}
                      onChange={(e) => {
                        const next = [...mapping];
                        next[i] = e.target.value;
                        setMapping(next);
                        applyCsv(csv.name, csv.records, next, date);
                      }}
                    >
                      <option value="">{t('ignore')}</option>
                      {targets.map((target) => (
                        <option key={target.id} value={target.id}>
                          {target.id}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {loaded && (
        <div className="pop-loaded" data-testid="pop-loaded">
          <p>
            {t('loaded', {
              file: loaded.fileName,
              ok: formatCount(loaded.clients.length),
              bad: formatCount(loaded.bad.length),
            })}
          </p>
          {loaded.bad.length > 0 && (
            <div className="pop-bad" role="list" aria-label={t('badRows')}>
              {loaded.bad.slice(0, SHOWN_BAD).map((b) => (
                <div key={b.line} role="listitem" className="insp-error" data-line={b.line}>
                  <strong>{t('line', { line: b.line })}</strong> {localize(b.message)}
                </div>
              ))}
              {loaded.bad.length > SHOWN_BAD && (
                <p className="muted">
                  {t('more', { n: formatCount(loaded.bad.length - SHOWN_BAD) })}
                </p>
              )}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
