// The browser side of `npm run bench:lab`: a module Worker (the lab trains in one too) that runs one measurement per
// message and answers with the result or the error.
import { runBench, type BenchRequest } from './runner';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<BenchRequest>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (event) => {
  runBench(event.data, '/').then(
    (result) => scope.postMessage(result),
    (error: unknown) => scope.postMessage({ error: error instanceof Error ? error.message : String(error) }),
  );
};
