// Every unit test file starts here (vite.config.ts `test.setupFiles`).
import { configure } from '@testing-library/preact';
import fc from 'fast-check';

// findBy…/waitFor wait for a lazy part of a page (import() of a chunk) to render. Their default of 1 s
// is a timed assertion in disguise: on a shared two-core machine an import can take longer, and the test
// then fails with nothing wrong. This is only a bound on a hang; each test still asserts what it waits for.
configure({ asyncUtilTimeout: 15_000 });

// Every property test is seeded: a fixed seed unless FC_SEED replays another (fast-check prints the seed
// and path of a failure). Tests that pass a seed of their own keep it.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261207) });
