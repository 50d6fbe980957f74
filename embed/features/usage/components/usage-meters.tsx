import { Meter } from '../../../ui/meter';

/**
 * Questions, storage and videos against the plan's limits. There is no usage endpoint
 * yet, so every figure is "—" rather than a made-up zero.
 */
export function UsageMeters({ note }: { note: string }) {
  return (
    <div className="usage">
      <div className="meter-grid">
        <Meter label="Student questions" value="—" limit="—" fraction={null} hint="Questions asked by your students" />
        <Meter label="Storage" value="—" limit="—" fraction={null} hint="Video and caption files" />
        <Meter label="Videos" value="—" limit="—" fraction={null} hint="Videos in your library" />
      </div>
      <p className="usage__note">{note}</p>
    </div>
  );
}
