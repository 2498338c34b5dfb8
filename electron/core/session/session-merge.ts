// The one rule for which sessions exist: the app's (settings.json) and ~/.aws/config's, the config's winning a name
// clash as the AWS CLI reads it, except the app's own session written there for the AWS CLI (same start URL and
// region), which stays the app's. The registry and credential_process's warm answer both read sessions through it.
import type { SessionConfig } from '../shapes/aws-shapes.js';

export function mergeSessions(app: SessionConfig[], configured: SessionConfig[]): SessionConfig[] {
  const byName = new Map<string, SessionConfig>();
  for (const session of app) byName.set(session.name, session);
  for (const session of configured) {
    const own = byName.get(session.name);
    if (own?.source === 'app' && own.startUrl === session.startUrl && own.region === session.region) continue;
    byName.set(session.name, session);
  }
  return [...byName.values()];
}
