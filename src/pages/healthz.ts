/**
 * GET /healthz: liveness and database reachability, for monitors and the container health check.
 */
import type { APIRoute } from 'astro';
import { getHealth } from '~/lib/server/health.ts';

/** Liveness and database reachability: 200 when the database answers, 503 when it does not. */
export const GET: APIRoute = async () => {
	const report = await getHealth();
	return Response.json(report, {
		status: report.status === 'ok' ? 200 : 503,
		headers: { 'Cache-Control': 'no-store' },
	});
};
