// A part of a page whose code is fetched with import() the first time it is shown, so that the page's
// first render neither downloads nor runs it. Until it arrives the part says so politely (screen readers
// hear "Loading…" without losing their place); if the import fails, it says why and offers another try.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from './i18n.tsx';

/** A part loaded on first show; `preload()` fetches it ahead, so that it then shows without "Loading…". */
export type LazyPart<P extends object> = ComponentType<P> & { preload(): Promise<void> };

/**
 * `quiet`: nothing is shown while it loads, for a part that only adds to what is already there (a chart
 * beside the figures it draws); a failure is still said, with another try.
 */
export function lazyPart<P extends object>(
  load: () => Promise<ComponentType<P>>,
  options: { quiet?: boolean } = {},
): LazyPart<P> {
  // Shared by every instance: once loaded, the part renders at once, with no loading state again.
  let loaded: ComponentType<P> | null = null;
  const preload = () =>
    load().then((part) => {
      loaded = part;
    });
  function LazyPart(props: P) {
    const { t } = useI18n();
    const [attempt, setAttempt] = useState(0);
    const [, setReady] = useState(false);
    const [failure, setFailure] = useState<string | null>(null);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      load().then(
        (part) => {
          loaded = part;
          if (live) setReady(true);
        },
        (error: unknown) => live && setFailure(error instanceof Error ? error.message : String(error)),
      );
      return () => {
        live = false;
      };
    }, [attempt]);

    if (loaded) {
      const Part = loaded;
      return <Part {...props} />;
    }
    if (failure !== null) {
      return (
        <div class="lazy-failed" role="alert">
          <p class="field-error">{t('ui_partFailed', [failure])}</p>
          <button
            type="button"
            onClick={() => {
              setFailure(null);
              setAttempt(attempt + 1);
            }}
          >
            {t('ui_retry')}
          </button>
        </div>
      );
    }
    if (options.quiet) return null;
    return (
      <p class="muted" role="status" aria-busy="true">
        {t('ui_partLoading')}
      </p>
    );
  }
  return Object.assign(LazyPart, { preload });
}
