import { parseCommandLine } from '../src/cli/options.ts';
import { searchExperiment } from '../src/cli/searchCommand.ts';
import { feynmanEquations, feynmanExperiment } from './feynman/experiments.ts';
for (const eq of feynmanEquations(process.argv[2]!.split(','))) {
  const args = ['--seed','1','--points','500','--workers','1','--time-limit','30','--operators','+,-,*,/,square,sqrt,sin,cos,exp,log'];
  const r = await searchExperiment(feynmanExperiment(eq), parseCommandLine(args).values);
  console.log(eq.id, r.check?.tier, r.check?.verdict, (r.timings['search_s']??0).toFixed(1), r.best?.expr);
}
process.exit(0);
