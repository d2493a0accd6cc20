/**
 * The shared, lazily built detector parts: the compiled lexicons and the loaded model. Built once per
 * process on first use (compiling the lexicons takes a fraction of a second).
 */
import { compileLexicons, type LexiconMatcher } from './lexicon.ts';
import { lexicons } from './lexicons/index.ts';
import { loadModel, type LoadedModel } from './learned-model.ts';
import { groomingModel } from './model/grooming-model.ts';

let matcher: LexiconMatcher | undefined;
let model: LoadedModel | undefined;

/** The compiled lexicons of every shipped language. */
export function defaultMatcher(): LexiconMatcher {
  matcher ??= compileLexicons(lexicons);
  return matcher;
}

/** The committed learned model. */
export function defaultModel(): LoadedModel {
  model ??= loadModel(groomingModel);
  return model;
}
