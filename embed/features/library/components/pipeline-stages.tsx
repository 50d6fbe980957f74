/** The four stages every video goes through before students can ask about it. */
export const pipelineStages = [
  {
    key: 'upload',
    title: 'Upload',
    description: 'A video, or its captions (VTT or SRT), goes straight to storage.',
  },
  {
    key: 'transcribe',
    title: 'Transcribe',
    description: 'Audio is split into segments and turned into timed text. Captions skip this step.',
  },
  {
    key: 'chunk',
    title: 'Chunk',
    description: 'The transcript is cut into passages that keep their start and end times.',
  },
  {
    key: 'embed',
    title: 'Embed',
    description: 'Passages are indexed for search, so answers can cite the exact moment.',
  },
] as const;

export function PipelineStages() {
  return (
    <ol className="pipeline" aria-label="Processing pipeline">
      {pipelineStages.map((stage, index) => (
        <li key={stage.key} className="pipeline__stage">
          <span className="pipeline__step" aria-hidden="true">
            {index + 1}
          </span>
          <div>
            <h3 className="pipeline__title">{stage.title}</h3>
            <p className="pipeline__description">{stage.description}</p>
          </div>
        </li>
      ))}
    </ol>
  );
}
