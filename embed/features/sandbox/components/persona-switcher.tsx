import { useId } from 'react';
import type { SandboxPersona } from '../../../../shared/schemas/sandbox';
import { Avatar } from '../../../ui/avatar';
import { Badge } from '../../../ui/badge';
import { accessLevelBadge } from '../choose-persona';

export interface PersonaSwitcherProps {
  personas: readonly SandboxPersona[];
  selectedId: string | undefined;
  onSelect: (personaId: string) => void;
}

/** Native radios: Tab reaches the group, arrow keys move the choice, as in any form. */
export function PersonaSwitcher({ personas, selectedId, onSelect }: PersonaSwitcherProps) {
  const groupName = useId();
  return (
    <fieldset className="persona-switcher">
      <legend className="persona-switcher__legend">Signed in as</legend>
      {personas.map((persona) => (
        <PersonaOption
          key={persona.id}
          persona={persona}
          groupName={groupName}
          selected={persona.id === selectedId}
          onSelect={() => onSelect(persona.id)}
        />
      ))}
    </fieldset>
  );
}

function PersonaOption({
  persona,
  groupName,
  selected,
  onSelect,
}: {
  persona: SandboxPersona;
  groupName: string;
  selected: boolean;
  onSelect: () => void;
}) {
  const nameId = useId();
  const descriptionId = useId();
  const access = accessLevelBadge[persona.accessLevel];
  return (
    <label className={selected ? 'persona persona--selected' : 'persona'}>
      <input
        type="radio"
        className="persona__radio"
        name={groupName}
        value={persona.id}
        checked={selected}
        onChange={onSelect}
        aria-labelledby={nameId}
        aria-describedby={descriptionId}
      />
      <Avatar name={persona.name} username={persona.username} size="sm" />
      <span className="persona__body">
        <span id={nameId} className="persona__title">
          <span className="persona__name">{persona.name}</span>
          <Badge tone={access.tone}>{access.text}</Badge>
        </span>
        <span id={descriptionId} className="persona__description">
          {persona.description}
        </span>
      </span>
    </label>
  );
}
