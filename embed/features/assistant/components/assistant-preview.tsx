import { type AssistantSettings, DEFAULT_ASSISTANT_NAME } from '../../../../shared/schemas/assistant-settings';

/** The student's chat before the first question, as these settings would show it (not clickable). */
export function AssistantPreview({ settings }: { settings: AssistantSettings }) {
  const name = settings.name || DEFAULT_ASSISTANT_NAME;
  return (
    <section className="assistant-preview" aria-labelledby="assistant-preview-title">
      <h3 id="assistant-preview-title" className="assistant-preview__title">
        Preview: what students see
      </h3>
      <div className="assistant-preview__frame">
        <p className="assistant-preview__name">Ask {name} about the course videos</p>
        {settings.greeting ? <p className="assistant-preview__greeting">{settings.greeting}</p> : null}
        {settings.starters.length > 0 ? (
          <ul className="assistant-preview__starters" aria-label="Starter questions in the preview">
            {settings.starters.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
        ) : (
          <p className="assistant-preview__hint">Starter questions drawn from your lessons appear here.</p>
        )}
        {settings.teachingMode === 'guide' ? (
          <p className="assistant-preview__hint">Guide mode: answers come as hints with the moments to rewatch.</p>
        ) : null}
      </div>
    </section>
  );
}
