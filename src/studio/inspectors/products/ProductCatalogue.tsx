import { useMemo, useRef, useState } from 'react';
import { lt, type Product, type Scale } from '../../../domain/index.ts';
import { defineMessages, useLocalize, useMessages } from '../../i18n/index.tsx';
import type { PackPartInspectorProps } from '../common/types.ts';
import { nextId } from '../questionnaire/questionEdits.ts';
import { SelectField } from '../common/ChoiceFields.tsx';
import { levelChoices } from '../common/choiceNames.ts';
import { ProductRow, productFieldMessages } from './ProductRow.tsx';
import { CsvImportDialog } from './CsvImportDialog.tsx';
import { catalogueView, type Sort, type SortKey } from './catalogueView.ts';
import { importChange, parseProductsCsv, productsToCsv, type CsvImport } from './productCsv.ts';
import { addProduct } from './productEdits.ts';
import { BulkBar, SelectBox } from '../../app/BulkBar.tsx';
import '../questionnaire/inspectorBase.css';
import './products.css';

const PRODUCTS_NOUN = lt('产品', 'products');

const messages = defineMessages({
  'zh-CN': {
    ...productFieldMessages['zh-CN'],
    title: '产品目录',
    count: '{shown} / {total} 个产品',
    filter: '搜索代码、名称、标签',
    allRisks: '全部风险等级',
    add: '添加产品',
    import: '导入 CSV',
    export: '导出 CSV',
    name: '名称',
    newProduct: '新产品',
    problems: '问题',
    readFailed: '无法读取文件 {file}',
  },
  en: {
    ...productFieldMessages.en,
    title: 'Product catalogue',
    count: '{shown} of {total} products',
    filter: 'Search id, name, tag',
    allRisks: 'All risk levels',
    add: 'Add product',
    import: 'Import CSV',
    export: 'Export CSV',
    name: 'Name',
    newProduct: 'New product',
    problems: 'Problems',
    readFailed: 'Could not read {file}',
  },
});

const ids = (s: Scale | undefined) => s?.levels.map((l) => l.id) ?? [];

/** The catalogue as an editable, sortable, filterable table, with CSV import and export. */
export function ProductCatalogue({ pack, dispatch, problems }: PackPartInspectorProps) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const [filter, setFilter] = useState({ text: '', risk: '' });
  const [sort, setSort] = useState<Sort>({ key: 'id', descending: false });
  const [pending, setPending] = useState<{ file: string; result: CsvImport } | undefined>();
  const [readError, setReadError] = useState<string | undefined>();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const fileRef = useRef<HTMLInputElement>(null);
  const { products: catalogue, vocabulary } = pack;
  const scale = (id: string | undefined) => vocabulary.scales.find((s) => s.id === id);
  const risk = scale(catalogue.riskScale);
  const riskLevels = levelChoices(risk, localize);
  const horizon = scale(catalogue.horizonScale);
  const variety = scale(catalogue.varietyScale);
  const rows = useMemo(
    () =>
      catalogueView(catalogue.items, filter, sort, {
        risk: ids(risk),
        horizon: ids(horizon),
        variety: ids(variety),
      }),
    [catalogue.items, filter, sort, risk, horizon, variety],
  );
  // The panel hands over the whole pack's problems; the catalogue shows its own.
  const catalogueProblems = problems.filter((p) => p.path.startsWith('$.products'));
  const taken = new Set(catalogue.items.map((p) => p.id));

  const readFile = async (file: File) => {
    try {
      const text = await file.text();
      setPending({
        file: file.name,
        result: parseProductsCsv(
          text,
          { risk: ids(risk), horizon: horizon && ids(horizon), variety: variety && ids(variety) },
          catalogue.items,
        ),
      });
      setReadError(undefined);
    } catch {
      setReadError(file.name);
    }
  };
  const exportCsv = () => {
    const blob = new Blob(['\uFEFF', productsToCsv(catalogue.items)], {
      type: 'text/csv;charset=utf-8',
    });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `${pack.id}-products.csv`;
    a.click();
    URL.revokeObjectURL(url);
  };
  const header = (key: SortKey, label: string) => (
    <th aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button
        type="button"
        className="sort"
        onClick={() => setSort({ key, descending: sort.key === key && !sort.descending })}
      >
        {label} {sort.key === key ? (sort.descending ? '▼' : '▲') : ''}
      </button>
    </th>
  );

  return (
    <div className="product-catalogue">
      <header className="q-row" aria-label={t('title')}>
        <span data-testid="catalogue-count">
          {t('count', { shown: rows.length, total: catalogue.items.length })}
        </span>
      </header>
      {catalogueProblems.length > 0 && (
        <ul className="inspector-problems" aria-label={t('problems')}>
          {catalogueProblems.map((p, i) => (
            <li key={i} className={p.severity}>
              <code>{p.path}</code> {localize(p.message)}
            </li>
          ))}
        </ul>
      )}
      <div className="q-row catalogue-tools">
        <input
          type="search"
          aria-label={t('filter')}
          placeholder={t('filter')}
          value={filter.text}
          onChange={(e) => setFilter({ ...filter, text: e.target.value })}
        />
        <SelectField
          label={t('allRisks')}
          hideLabel
          value={filter.risk || undefined}
          emptyLabel={t('allRisks')}
          options={riskLevels.ids}
          optionLabel={riskLevels.name}
          onChange={(level) => setFilter({ ...filter, risk: level ?? '' })}
        />
        <button
          type="button"
          onClick={() => {
            const product: Product = {
              id: nextId('P', taken),
              name: lt(t('newProduct'), 'New product'),
              risk: risk?.levels[0]?.id ?? 'R1',
              complex: false,
              attributes: {},
              tags: [],
            };
            dispatch(addProduct(catalogue.items, product));
          }}
        >
          + {t('add')}
        </button>
        <button type="button" onClick={() => fileRef.current?.click()}>
          {t('import')}
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".csv,text/csv"
          hidden
          aria-label={t('import')}
          data-testid="csv-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void readFile(file);
          }}
        />
        <button type="button" onClick={exportCsv}>
          {t('export')}
        </button>
      </div>
      {readError && <p className="inspector-error">{t('readFailed', { file: readError })}</p>}
      {pending && (
        <CsvImportDialog
          file={pending.file}
          result={pending.result}
          onCancel={() => setPending(undefined)}
          onApply={() => {
            dispatch(importChange(pack, pending.result.rows));
            setPending(undefined);
          }}
        />
      )}
      <BulkBar
        list={{ path: ['products', 'items'], items: catalogue.items, noun: PRODUCTS_NOUN }}
        visible={rows.map((r) => r.product.id)}
        selected={selected}
        onSelect={setSelected}
      />
      <div className="catalogue-scroll">
        <table className="catalogue">
          <thead>
            <tr>
              <th />
              {header('id', t('id'))}
              {header('name', t('name'))}
              <th>{t('nameEn')}</th>
              {header('risk', t('risk'))}
              {horizon && header('horizon', t('horizon'))}
              {variety && header('variety', t('variety'))}
              {header('complex', t('complex'))}
              <th>{t('tags')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map(({ product: p, index }) => (
              <ProductRow
                key={`${p.id}-${index}`}
                product={p}
                index={index}
                scales={{ risk, horizon, variety }}
                taken={taken}
                dispatch={dispatch}
                select={
                  <SelectBox
                    id={p.id}
                    label={localize(p.name)}
                    selected={selected}
                    onSelect={setSelected}
                  />
                }
              />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
