import { describe, expect, it } from 'vitest';
import { parsePack, type Pack } from '../../domain/index.ts';
import { compilePack } from '../../engine/index.ts';
import {
  autoMap,
  clientsFromCsv,
  clientsFromJsonl,
  readCsvRecords,
  targetsOf,
} from './clientFile.ts';
import csrcText from '../../../rule-packs/cn-csrc-2017/pack.json?raw';

function load(text: string): Pack {
  const parsed = parsePack(text, 'pack.json');
  if (!parsed.ok) throw new Error('starter pack does not parse');
  return parsed.pack;
}

const pack = load(csrcText);
const compiled = compilePack(pack);
const targets = targetsOf(pack);
const date = '2026-06-01';

describe('client files', () => {
  it('maps headers by path, by bare id and by context name, once each', () => {
    expect(
      autoMap(
        ['clientId', 'facts.age', 'Q1', 'answers.q2', 'fullCivilCapacity', 'notes', 'Q1'],
        targets,
      ),
    ).toEqual([
      'clientId',
      'facts.age',
      'answers.Q1',
      'answers.Q2',
      'facts.fullCivilCapacity',
      '',
      '',
    ]);
  });

  it('loads good rows and lists bad ones by the line they start on', () => {
    const text = [
      'clientId,facts.age,facts.fullCivilCapacity,facts.refusesPrincipalLoss,facts.investorType,answers.Q1,answers.Q9',
      'a,30,true,false,natural-person,A,B|C',
      '',
      'b,forty,true,false,natural-person,A,B',
      '"c\nwith a newline",50,yes,no,natural-person,B,A',
      'd,50,true,false,natural-person,Z,A',
      'e,50,true,false',
    ].join('\n');
    const records = readCsvRecords(text);
    const mapping = autoMap(records[0]?.cells ?? [], targets);
    const read = clientsFromCsv(records, mapping, targets, compiled, date);
    expect(read.clients.map((c) => c.clientId)).toEqual(['a', 'c\nwith a newline']);
    expect(read.lines).toEqual([2, 5]);
    expect(read.clients[0]).toMatchObject({
      evaluationDate: date,
      facts: { age: 30, fullCivilCapacity: true },
      answers: { Q1: 'A', Q9: ['B', 'C'] },
    });
    expect(read.bad.map((b) => b.line)).toEqual([4, 7, 8]);
    expect(read.bad[0]?.message.en).toBe('column facts.age: "forty" is not a number');
    expect(read.bad[1]?.message.en).toContain('$.answers.Q1');
    expect(read.bad[2]?.message['zh-CN']).toBe('应有 7 列，实际 4 列');
  });

  it('ignores unmapped columns and honours a hand-made mapping', () => {
    const records = readCsvRecords(
      'id,years,capable,refuses,kind\nx,41,true,false,natural-person\n',
    );
    const required = [
      'facts.fullCivilCapacity',
      'facts.refusesPrincipalLoss',
      'facts.investorType',
    ];
    const read = clientsFromCsv(
      records,
      ['clientId', 'facts.age', ...required],
      targets,
      compiled,
      date,
    );
    expect(read.bad).toEqual([]);
    expect(read.clients[0]).toMatchObject({ clientId: 'x', facts: { age: 41 } });
    const ignored = clientsFromCsv(records, ['clientId', '', ...required], targets, compiled, date);
    expect(ignored.clients[0]?.facts).not.toHaveProperty('age');
  });

  it('reads JSON Lines with a line per client', () => {
    const text = [
      JSON.stringify({
        clientId: 'a',
        facts: {
          age: 30,
          fullCivilCapacity: true,
          refusesPrincipalLoss: false,
          investorType: 'natural-person',
        },
        answers: { Q1: 'A' },
      }),
      '',
      '{not json',
      '[1]',
      JSON.stringify({
        facts: {
          fullCivilCapacity: true,
          refusesPrincipalLoss: false,
          investorType: 'qfii',
          income: 3,
        },
      }),
    ].join('\n');
    const read = clientsFromJsonl(text, compiled, date);
    expect(read.lines).toEqual([1]);
    expect(read.bad.map((b) => b.line)).toEqual([3, 4, 5]);
    expect(read.bad[2]?.message.en).toContain('$.facts.income');
  });
});
