import { DmnModdle } from 'dmn-moddle';

/**
 * The part of a DMN model the import reads, as dmn-moddle gives it (DMN 1.3 meta-model; 1.1 to
 * 1.5 files share it for everything level 2 uses).
 */
export type DmnText = { text?: string };
export type DmnElement = { $type: string; id?: string; name?: string };
export type DmnItemDefinition = DmnElement & {
  typeRef?: string;
  isCollection?: boolean;
  allowedValues?: DmnText;
  itemComponent?: DmnItemDefinition[];
};
export type DmnInputClause = DmnElement & {
  label?: string;
  inputExpression?: DmnText & { typeRef?: string };
  inputValues?: DmnText;
};
export type DmnOutputClause = DmnElement & {
  label?: string;
  typeRef?: string;
  outputValues?: DmnText;
  defaultOutputEntry?: DmnText;
};
export type DmnRule = DmnElement & {
  inputEntry?: (DmnElement & DmnText)[];
  outputEntry?: (DmnElement & DmnText)[];
  description?: string;
};
export type DmnDecisionTable = DmnElement & {
  hitPolicy?: string;
  aggregation?: string;
  input?: DmnInputClause[];
  output?: DmnOutputClause[];
  rule?: DmnRule[];
};
export type DmnLiteralExpression = DmnElement & DmnText;
export type DmnRequirement = DmnElement & {
  requiredInput?: { href?: string };
  requiredDecision?: { href?: string };
  requiredKnowledge?: { href?: string };
};
export type DmnDrgElement = DmnElement & {
  variable?: { typeRef?: string; name?: string };
  informationRequirement?: DmnRequirement[];
  knowledgeRequirement?: DmnRequirement[];
  decisionLogic?: DmnElement;
  encapsulatedLogic?: DmnElement & {
    formalParameter?: { name?: string; typeRef?: string }[];
    body?: DmnElement;
  };
};
export type DmnDefinitions = DmnElement & {
  itemDefinition?: DmnItemDefinition[];
  drgElement?: DmnDrgElement[];
};

/** DMN model namespaces by version; dmn-moddle knows the 1.3 ones. */
const MODEL_13 = 'https://www.omg.org/spec/DMN/20191111/MODEL/';
const DMNDI_13 = 'https://www.omg.org/spec/DMN/20191111/DMNDI/';
const OTHER_MODELS = [
  'http://www.omg.org/spec/DMN/20151101/dmn.xsd',
  'http://www.omg.org/spec/DMN/20180521/MODEL/',
  'https://www.omg.org/spec/DMN/20211108/MODEL/',
  'https://www.omg.org/spec/DMN/20230324/MODEL/',
];
const OTHER_DMNDI = [
  'https://www.omg.org/spec/DMN/20211108/DMNDI/',
  'https://www.omg.org/spec/DMN/20230324/DMNDI/',
];

export class DmnReadError extends Error {}

/**
 * Parses DMN XML with dmn-moddle. Files of DMN 1.1, 1.2, 1.4 and 1.5 are read as 1.3 (their
 * namespace URI is swapped; the elements level 2 uses did not change).
 */
export async function readDmn(
  xml: string,
): Promise<{ definitions: DmnDefinitions; warnings: string[] }> {
  let text = xml;
  for (const ns of OTHER_MODELS) text = text.split(`"${ns}"`).join(`"${MODEL_13}"`);
  for (const ns of OTHER_DMNDI) text = text.split(`"${ns}"`).join(`"${DMNDI_13}"`);
  try {
    const { rootElement, warnings } = await new DmnModdle().fromXML(text, 'dmn:Definitions');
    return {
      definitions: rootElement as unknown as DmnDefinitions,
      warnings: warnings.map((w) => w.message),
    };
  } catch (e) {
    throw new DmnReadError((e as Error).message);
  }
}
