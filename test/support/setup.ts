// Every unit test file starts here (vite.config.ts `test.setupFiles`).
import { configure } from '@testing-library/preact';

// findBy…/waitFor wait for a lazy part of a page (import() of a chunk) to render. Their default of 1 s
// is a timed assertion in disguise: on a shared two-core machine an import can take longer, and the test
// then fails with nothing wrong. This is only a bound on a hang; each test still asserts what it waits for.
configure({ asyncUtilTimeout: 15_000 });
