/**
 * billing_carry kept in BigQuery (issue 19): the state a month carries into the next (carriedStateSql) is computed
 * and stored there, never through Apps Script. A month's carry rows are replaced in one transaction (DELETE of the
 * month's rows, INSERT of the fresh ones), so a failure leaves them as they were; a first query says whether they
 * would change, so a chain of later months is recomputed only while it changes.
 * Carry rows are distinct (one per opening, customer message or trigger of a thread), so a set comparison is exact.
 */
import { carriedState, withClause, type BillingScope, type SqlQuery } from './billing-sql';
import { PARTITION_COLUMN, qualifiedName } from './schema';

const COLUMNS = 'month, sent_at, line, contact, kind';
const KEYS = ['sent_at', 'line', 'contact', 'kind'];

/** `changed`: how many rows differ between the stored carry into the next month and the fresh one (0: the same). */
export function carryChangedSql(scope: BillingScope): SqlQuery {
  const carry = carriedState(scope);
  const stored =
    `stored AS (SELECT ${KEYS.join(', ')} FROM ${qualifiedName(scope.dataset, 'billing_carry')} ` +
    `WHERE ${PARTITION_COLUMN} = @carry_month)`;
  return {
    query:
      withClause([...carry.ctes, `fresh AS (${carry.select})`, stored]) +
      `SELECT COUNT(*) AS changed FROM fresh FULL OUTER JOIN stored ON ` +
      `${KEYS.map((k) => `fresh.${k} = stored.${k}`).join(' AND ')} WHERE fresh.line IS NULL OR stored.line IS NULL`,
    queryParameters: carry.queryParameters,
  };
}

/** One transaction replacing the next month's carry rows with the fresh ones. */
export function replaceCarrySql(scope: BillingScope): SqlQuery {
  const carry = carriedState(scope);
  const table = qualifiedName(scope.dataset, 'billing_carry');
  return {
    query:
      `BEGIN TRANSACTION;\nDELETE FROM ${table} WHERE ${PARTITION_COLUMN} = @carry_month;\n` +
      `INSERT INTO ${table} (${COLUMNS}) ${withClause(carry.ctes)}${carry.select};\nCOMMIT TRANSACTION`,
    queryParameters: carry.queryParameters,
  };
}
