import type { SandboxCommunity, SandboxPersona } from '../../../shared/schemas/sandbox';

/**
 * The local sandbox's demo world: one baking school with its creator and
 * students, plus a second school so tenant isolation can be tried by hand.
 */
export const SANDBOX_APP_ID = 'app_chronossandbox';

export const sandboxCommunities: SandboxCommunity[] = [
  {
    companyId: 'biz_crumbdemo',
    companyName: 'Crumb & Co. Baking School',
    experienceId: 'exp_sourdough',
    experienceName: 'Sourdough Foundations',
  },
  {
    companyId: 'biz_peakdemo',
    companyName: 'Peak Climbing Academy',
    experienceId: 'exp_peakclimb',
    experienceName: 'First Steps on Rock',
  },
];

export const sandboxPersonas: SandboxPersona[] = [
  {
    id: 'user_mayacreator',
    name: 'Maya Chen',
    username: 'maya.bakes',
    description: 'Creator of Crumb & Co. (admin): uploads videos, sees usage.',
    accessLevel: 'admin',
    companyId: 'biz_crumbdemo',
  },
  {
    id: 'user_samstudent',
    name: 'Sam Ortiz',
    username: 'sam.o',
    description: 'Student of Sourdough Foundations (customer).',
    accessLevel: 'customer',
    companyId: 'biz_crumbdemo',
  },
  {
    id: 'user_priyastudent',
    name: 'Priya Nair',
    username: 'priya.n',
    description: 'Another student of Sourdough Foundations (customer).',
    accessLevel: 'customer',
    companyId: 'biz_crumbdemo',
  },
  {
    id: 'user_jordancreator',
    name: 'Jordan Blake',
    username: 'jordan.climbs',
    description: 'Creator of Peak Climbing Academy: no access to Crumb & Co.',
    accessLevel: 'no_access',
    companyId: 'biz_crumbdemo',
  },
];

/**
 * Access of each persona on each resource, as strict as real Whop: a student is
 * `customer` of the company and of its experience (Whop does not answer
 * `no_access` for a member checking the company), `admin` is only for the team,
 * and anyone else gets `no_access`.
 */
export const sandboxAccess: Record<string, Record<string, 'admin' | 'customer'>> = {
  user_mayacreator: { biz_crumbdemo: 'admin', exp_sourdough: 'admin' },
  user_samstudent: { biz_crumbdemo: 'customer', exp_sourdough: 'customer' },
  user_priyastudent: { biz_crumbdemo: 'customer', exp_sourdough: 'customer' },
  user_jordancreator: { biz_peakdemo: 'admin', exp_peakclimb: 'admin' },
};

/** The sandbox's Chronos plans, as a creator would buy them on Whop. */
export const sandboxPlans = [
  { planId: 'plan_sandboxbasic', tier: 'BASIC' },
  { planId: 'plan_sandboxpro', tier: 'PRO' },
  { planId: 'plan_sandboxenterprise', tier: 'ENTERPRISE' },
] as const;
