// What lecture mode shows beside each stage: one paragraph, what to look at in its picture once it
// has run (the guided run stops on it), and, where one exists, its formula.
import type { StageId } from '../state/store.ts';

export const LECTURE_TEXT: Record<StageId, { text: string; look: string; formula?: string }> = {
  data: {
    look: 'Nothing to see yet but the examples: the stage cards say how many were drawn. The network has not seen any of them.',
    text: 'We generate examples that hide a concept. For a latent space, triplets: an anchor, a positive that shares the hidden quantity with it, and a negative that does not. For a classifier, points labelled by whether a hidden function exceeds a threshold.',
  },
  train: {
    look: 'The loss curve falls as the network learns; the scatter of the neuron against the ground truth becomes a thin monotone curve when it has learned the concept (any monotone curve will do).',
    text: 'A small network learns from the examples alone; it is never told the formula. The Siamese network maps anchor and positive close together and the negative far away; the classifier learns the decision boundary.',
    formula: 'L = \\max\\bigl(0,\\ |f(a) - f(p)| - |f(a) - f(n)| + 1\\bigr)',
  },
  gradients: {
    look: "For two inputs, the input plane: the arrows are the neuron's normalised gradients, and they cross its level sets at right angles. These directions are all the search will see.",
    text: "The neuron need not equal the concept g: any strictly monotone function of it, phi(g), encodes the same thing. Their gradients point along the same line, so we keep only the direction of the neuron's gradient at each point.",
    formula:
      "\\nabla \\varphi(g) = \\varphi'(g)\\,\\nabla g \\quad\\Rightarrow\\quad \\frac{\\nabla f}{|\\nabla f|} = \\pm\\frac{\\nabla g}{|\\nabla g|}",
  },
  search: {
    look: 'The Pareto front: each point the best equation of its size. Watch the loss fall in steps as the search finds larger and better equations; the star marks the pick.',
    text: "A genetic search evolves formulas and keeps, for each size, the one whose normalised gradient best matches the neuron's. The Pareto front trades simplicity against fit; the pick is, among the equations within ten times the lowest loss, the one after the steepest drop in loss.",
    formula:
      '\\mathcal{L}(e) = \\frac{1}{N}\\sum_i \\min_{\\pm}\\Bigl|\\frac{\\nabla e(x_i)}{|\\nabla e(x_i)|} \\mp \\frac{\\nabla f(x_i)}{|\\nabla f(x_i)|}\\Bigr|^2',
  },
  verify: {
    look: 'The verdict, and the pick against the ground truth on fresh points: a thin monotone curve if the pick is the law.',
    text: "On fresh points we compare the recovered equation with the ground truth: if their gradients are parallel everywhere, with one orientation, inside and beyond the sampled range (mean |cos| at least 0.99999), it is the law. An equation that only fits inside the range (0.999) and is larger than the law's simplest form is a look-alike: it fits, it is not the law.",
    formula:
      '\\overline{|\\cos\\theta|} = \\frac{1}{N}\\sum_i \\frac{|\\nabla e \\cdot \\nabla g|}{|\\nabla e|\\,|\\nabla g|}',
  },
};
