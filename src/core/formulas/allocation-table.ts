/**
 * What BILLED_BY_GROUP and BILLED_BY_CAMPAIGN share: reading labelled weights, aggregating repeated
 * labels, and laying out the allocation table with its Total row.
 */
import { WeightedSplit } from '../allocation/weighted-split';
import { decimalOf, type ExactDecimal, toCommonScale } from '../exact/decimal';
import { argError, scalarError, type ArgRef } from '../sheet-args/arg-errors';
import { isBlank } from '../sheet-args/cells';
import { readLabels } from '../sheet-args/labels';
import { readNonNegativeNumber, readNonNegativeNumbers, readIntegerInRange } from '../sheet-args/numbers';
import { readOptionalCell, readRange, requireSameSize } from '../sheet-args/range';
import { ZoneCalendar } from '../zone-calendar';
import type { SheetContext, Table, TableCell } from './sheet-context';

export interface Parties {
  readonly labels: string[];
  readonly split: WeightedSplit;
}

/**
 * Labels and their weights; a blank label becomes `blankLabel`, a row blank in both is skipped, and
 * repeated labels add up in order of first appearance.
 */
export function readParties(
  labelsArg: ArgRef,
  labelsValue: unknown,
  weightsArg: ArgRef,
  weightsValue: unknown,
  blankLabel: string,
  sheet: SheetContext,
): Parties {
  const labelCells = readRange(labelsArg, labelsValue);
  const weightCells = readRange(weightsArg, weightsValue);
  requireSameSize(labelsArg, labelCells, weightsArg, weightCells);
  const labels = readLabels(labelsArg, labelCells, new ZoneCalendar(sheet.timeZone));
  const { units, scale } = toCommonScale(readNonNegativeNumbers(weightsArg, weightCells));
  const indexOf = new Map<string, number>();
  const partyLabels: string[] = [];
  const partyWeights: bigint[] = [];
  labels.forEach((text, i) => {
    if (text === '' && isBlank(weightCells[i])) return;
    const label = text === '' ? blankLabel : text;
    const at = indexOf.get(label);
    if (at === undefined) {
      indexOf.set(label, partyLabels.length);
      partyLabels.push(label);
      partyWeights.push(units[i]);
    } else {
      partyWeights[at] += units[i];
    }
  });
  if (partyLabels.length === 0) throw argError(labelsArg, 'has no rows');
  const split = new WeightedSplit(partyWeights, scale);
  // Every other figure is at most its total; only the weights' sum can exceed a double.
  if (!Number.isFinite(split.totalWeight()))
    throw argError(weightsArg, 'add up to more than the largest number a cell holds');
  return { labels: partyLabels, split };
}

/** decimals: optional whole number 0–4, the currency's minor units (default 2). */
export function readDecimals(arg: ArgRef, value: unknown): number {
  const cell = readOptionalCell(arg, value);
  return cell === undefined ? 2 : readIntegerInRange(arg, cell, 0, 4);
}

export interface Amount {
  readonly value: number;
  readonly exact: ExactDecimal;
}

/** An amount to split: non-negative, and splittable (a non-zero amount needs a non-zero weight). */
export function readAmount(arg: ArgRef, value: unknown, parties: Parties, weightsArg: ArgRef): Amount {
  const n = readNonNegativeNumber(arg, value);
  if (n > 0 && parties.split.isEmpty)
    throw argError(weightsArg, `are all zero, so ${arg.name} cannot be split`);
  return { value: n, exact: decimalOf(n) };
}

/** The largest number of minor units handled exactly as a double. */
const MAX_UNITS = BigInt(Number.MAX_SAFE_INTEGER);

export interface AmountColumn {
  readonly values: readonly number[];
  readonly total: number;
}

export function exactColumn(parties: Parties, amount: Amount): AmountColumn {
  return { values: parties.split.exactParts(amount.exact), total: amount.value };
}

export function wholeColumn(parties: Parties, total: bigint): AmountColumn {
  return { values: parties.split.wholeParts(total).map(Number), total: Number(total) };
}

/** Rounded to `decimals` by largest remainder on minor units. */
export function roundedColumn(arg: ArgRef, parties: Parties, amount: Amount, decimals: number): AmountColumn {
  const { parts, total } = parties.split.roundedParts(amount.exact, decimals);
  if (total > MAX_UNITS)
    throw scalarError(arg, `is too large to split exactly in ${decimals}-decimal units`, amount.value);
  const unit = 10 ** decimals;
  return { values: parts.map((p) => Number(p) / unit), total: Number(total) / unit };
}

/** Header; one row per party (label, weight, share, amounts); a Total row with the sums. */
export function allocationTable(
  header: string[],
  totalLabel: string,
  parties: Parties,
  columns: AmountColumn[],
): Table {
  const { labels, split } = parties;
  const shares = split.shares();
  const rows: Table = [[...header]];
  labels.forEach((label, i) => {
    const row: TableCell[] = [label, split.weight(i), shares[i]];
    for (const column of columns) row.push(column.values[i]);
    rows.push(row);
  });
  rows.push([totalLabel, split.totalWeight(), split.isEmpty ? 0 : 1, ...columns.map((c) => c.total)]);
  return rows;
}
