// An equation typeset by KaTeX, in a slice of its own (`typeset.ts`) so that many arriving at once
// never make one long task.
import 'katex/dist/katex.min.css';
import { useEffect, useRef } from 'react';
import { forget, typesetInto } from './typeset.ts';

export function Equation({ latex, display = false }: { latex: string; display?: boolean }) {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    typesetInto(element, latex, display);
    return () => forget(element);
  }, [latex, display]);
  return <span ref={ref} className="equation" data-latex={latex} />;
}
