/**
 * Random status-list positions for new certificates (Bitstring Status List §6.1: an index that
 * reveals the order of issue would let anyone count certificates and correlate them).
 *
 * A certificate's `status_index` is a random integer in [0, span), where the span grows by one
 * whole list (LIST_SIZE positions) for every quarter-list of certificates issued, so lists stay at
 * most about a quarter full and a clash with an existing index (the unique index refuses it; the
 * caller retries with a new random number) stays rare. The random number comes from the platform
 * CSPRNG; SQL only applies the span, in the same statement as the insert.
 */
import { sql, type SQL } from 'drizzle-orm';
import { LIST_SIZE } from '../../credentials/status-list.ts';

/** Certificates per list before the span grows by another list. */
const FILL = LIST_SIZE / 4;

/** SQL for a fresh random status index (evaluate it inside the insert that uses it). */
export function getRandomStatusIndexSql(): SQL {
	const random = crypto.getRandomValues(new Uint32Array(2));
	// 53 random bits, exact in a double and in SQLite's 64-bit integers.
	const value = (random[0]! & 0x1f_ffff) * 2 ** 32 + random[1]!;
	return sql`(${value} % (((select count(*) from certificate) / ${FILL} + 1) * ${LIST_SIZE}))`;
}
