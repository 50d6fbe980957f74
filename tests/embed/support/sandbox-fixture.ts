import type { SandboxInfo } from '../../../shared/schemas/sandbox';

/** What the local sandbox serves at `GET /api/sandbox`: one community, a student listed first. */
export function sandboxInfo(): SandboxInfo {
  return {
    appId: 'app_sandbox',
    communities: [
      {
        companyId: 'biz_demo',
        companyName: 'Demo Bakery',
        experienceId: 'exp_demo',
        experienceName: 'Sourdough Basics',
      },
    ],
    personas: [
      {
        id: 'user_student',
        name: 'Sam Student',
        username: 'sam',
        description: 'Bought the course; asks questions.',
        accessLevel: 'customer',
        companyId: 'biz_demo',
      },
      {
        id: 'user_creator',
        name: 'Cleo Creator',
        username: 'cleo',
        description: 'Owns the community; manages Chronos.',
        accessLevel: 'admin',
        companyId: 'biz_demo',
      },
      {
        id: 'user_visitor',
        name: 'Vic Visitor',
        username: 'vic',
        description: 'Has a Whop account but no membership.',
        accessLevel: 'no_access',
        companyId: 'biz_demo',
      },
    ],
  };
}
