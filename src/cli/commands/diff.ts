import { diffPacks, type DiffArea } from '../../engine/index.ts';
import { choice } from '../args.ts';
import type { Command } from '../command.ts';
import { printer } from '../command.ts';
import { pick } from '../i18n.ts';
import { loadPack } from '../loadPack.ts';

const AREA_TITLES: Record<DiffArea, [string, string]> = {
  identity: ['基本信息', 'Identity'],
  vocabulary: ['词汇表', 'Vocabulary'],
  questionnaire: ['问卷', 'Questionnaire'],
  products: ['产品', 'Products'],
  nodes: ['决策图节点', 'Graph nodes'],
  edges: ['决策图连线', 'Graph edges'],
  bands: ['分类区间', 'Bands'],
  matrix: ['匹配矩阵与政策', 'Matching matrix and policies'],
  rules: ['规则', 'Rules'],
  table: ['决策表', 'Decision tables'],
  tests: ['测试用例', 'Test cases'],
  sampleClients: ['示例客户', 'Sample clients'],
};

export const diffCommand: Command = {
  name: 'diff',
  spec: { positionals: ['A', 'B'], options: { format: true } },
  usage: 'diff A B [--format text|json]',
  summary: {
    'zh-CN': '用业务语言列出两个版本之间的差异',
    en: 'list the differences between two versions, in words',
  },
  async run({ positionals, options, lang, stdout }) {
    const [fileA, fileB] = positionals as [string, string];
    const format = choice(options, 'format', ['text', 'json'] as const) ?? 'text';
    const [a, b] = await Promise.all([loadPack(fileA), loadPack(fileB)]);
    const entries = diffPacks(a.pack, b.pack);
    const out = printer(stdout, lang);
    if (format === 'json') {
      out(JSON.stringify(entries, null, 2));
      return 0;
    }
    out(`${a.pack.id} ${a.pack.version} -> ${b.pack.id} ${b.pack.version}`);
    if (entries.length === 0) {
      out({ 'zh-CN': '内容相同，没有差异', en: 'no differences' });
      return 0;
    }
    let area: DiffArea | undefined;
    for (const entry of entries) {
      if (entry.area !== area) {
        area = entry.area;
        const [zh, en] = AREA_TITLES[area];
        out(`\n${lang === 'en' ? en : zh}`);
      }
      const mark = entry.change === 'added' ? '+' : entry.change === 'removed' ? '-' : '~';
      out(`  ${mark} ${pick(entry.text, lang)}`);
    }
    out({
      'zh-CN': `\n共 ${entries.length} 处差异`,
      en: `\n${entries.length} difference${entries.length === 1 ? '' : 's'}`,
    });
    return 0;
  },
};
