import type {
  Fact,
  GraphNode,
  Pack,
  Product,
  Question,
  Questionnaire,
  Scale,
} from '../domain/index.ts';

export type ScaleIndex = { scale: Scale; ids: string[]; rank: Map<string, number> };
export type QuestionEntry = { questionnaire: Questionnaire; question: Question; path: string };

/** Lookup maps built once per pack, so that neither validation nor evaluation searches lists. */
export type PackIndex = {
  pack: Pack;
  facts: Map<string, Fact>;
  scales: Map<string, ScaleIndex>;
  questionnaires: Map<string, { questionnaire: Questionnaire; index: number }>;
  /** Question id -> entry. Ids are unique across questionnaires (answers share one namespace). */
  questions: Map<string, QuestionEntry>;
  products: Map<string, Product>;
  nodes: Map<string, { node: GraphNode; index: number }>;
};

export function indexPack(pack: Pack): PackIndex {
  const scales = new Map<string, ScaleIndex>();
  for (const scale of pack.vocabulary.scales) {
    const ids = scale.levels.map((l) => l.id);
    scales.set(scale.id, { scale, ids, rank: new Map(ids.map((id, i) => [id, i])) });
  }
  const questions = new Map<string, QuestionEntry>();
  pack.questionnaires.forEach((questionnaire, qi) => {
    questionnaire.sections.forEach((section, si) =>
      section.questions.forEach((question, i) => {
        if (!questions.has(question.id))
          questions.set(question.id, {
            questionnaire,
            question,
            path: `$.questionnaires[${qi}].sections[${si}].questions[${i}]`,
          });
      }),
    );
  });
  return {
    pack,
    facts: new Map(pack.vocabulary.facts.map((f) => [f.id, f])),
    scales,
    questionnaires: new Map(
      pack.questionnaires.map((q, index) => [q.id, { questionnaire: q, index }]),
    ),
    questions,
    products: new Map(pack.products.items.map((p) => [p.id, p])),
    nodes: new Map(pack.graph.nodes.map((node, index) => [node.id, { node, index }])),
  };
}
