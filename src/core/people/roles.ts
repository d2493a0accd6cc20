/** People's roles in the review console, declared once. */
export const roles = ['reviewer', 'child_safety_reviewer', 'supervisor', 'auditor', 'admin'] as const;
export type Role = (typeof roles)[number];

/** True when `s` is one of the roles. */
export const isRole = (s: string): s is Role => (roles as readonly string[]).includes(s);
