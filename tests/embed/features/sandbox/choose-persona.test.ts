import { describe, expect, it } from 'vitest';
import { choosePersona, communityOf } from '../../../../embed/features/sandbox/choose-persona';
import { sandboxInfo } from '../../support/sandbox-fixture';

describe('choosePersona', () => {
  const { personas } = sandboxInfo();

  it('takes the person named in ?persona=', () => {
    expect(choosePersona(personas, 'user_visitor')?.id).toBe('user_visitor');
  });

  it('defaults to the first admin, so both views open on first visit', () => {
    expect(choosePersona(personas, null)?.id).toBe('user_creator');
    expect(choosePersona(personas, 'user_unknown')?.id).toBe('user_creator');
  });

  it('falls back to the first person when nobody is an admin, and to nothing when nobody exists', () => {
    const customers = personas.filter((persona) => persona.accessLevel !== 'admin');
    expect(choosePersona(customers, null)?.id).toBe('user_student');
    expect(choosePersona([], null)).toBeUndefined();
  });
});

describe('communityOf', () => {
  it("finds the person's community, else the first one", () => {
    const info = sandboxInfo();
    info.communities.push({
      companyId: 'biz_other',
      companyName: 'Other',
      experienceId: 'exp_other',
      experienceName: 'Other course',
    });
    const persona = { ...info.personas[0]!, companyId: 'biz_other' };
    expect(communityOf(info, persona)?.experienceId).toBe('exp_other');
    expect(communityOf(info, undefined)?.experienceId).toBe('exp_demo');
  });
});
