import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { saveFile } from '../../components/documents/download.ts';
import { Bar } from './Bar.tsx';
import { toCsv } from './csv.ts';
import type { Cell } from './format.ts';

export interface Column {
  key: string;
  label: string;
}

export interface Row {
  key: string;
  /** The row's name as shown (a link, say) and as text. */
  header: ReactNode;
  headerText: string;
  /** The cell in each column (by index), worked out when shown (format.ts, measureCells). */
  cell: (column: number) => Cell;
}

export interface Sort {
  column: string;
  descending: boolean;
  onSort: (column: string) => void;
}

interface Props {
  /** What the first column names ("Agency", "Month"). */
  rowHeader: string;
  columns: Column[];
  rows: Row[];
  /** The column the chart draws. */
  chartColumn: string;
  caption: string;
  fileName: string;
  sort?: Sort;
  /** `data-*` name the rows carry their key under (tests and other journeys find a row by it). */
  rowAttribute: string;
}

/**
 * The same figures as a bar chart (one measure) or as a table (every measure), switched by a
 * button, and downloadable as CSV of exactly what is shown. Bars carry their value as text; the
 * chart never relies on colour.
 */
export const DataView = ({ rowHeader, columns, rows, chartColumn, caption, fileName, sort, rowAttribute }: Props) => {
  const { t } = useTranslation('stats');
  const [asTable, setAsTable] = useState(false);
  const captionId = useId();
  const shown = asTable ? columns : columns.filter((c) => c.key === chartColumn);
  const shownIndex = shown.map((c) => columns.indexOf(c));
  const visibleRows = rows.map((row) => ({ ...row, shownCells: shownIndex.map((i) => row.cell(i)) }));

  const download = () => {
    const csv = toCsv([[rowHeader, ...shown.map((c) => c.label)], ...visibleRows.map((row) => [row.headerText, ...row.shownCells.map((c) => c.text)])]);
    saveFile(new Blob([csv], { type: 'text/csv;charset=utf-8' }), fileName);
  };
  const rowData = (key: string) => ({ [`data-${rowAttribute}`]: key });

  return (
    <div className="data-view">
      <div className="data-view__actions">
        <button type="button" className="button button--secondary" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
          {t('view.showTable')}
        </button>
        <button type="button" className="button button--secondary" onClick={download}>
          {t('view.csv')}
        </button>
      </div>
      {asTable ? (
        <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
          <table className="stats-table">
            <caption id={captionId}>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{rowHeader}</th>
                {shown.map((column) => {
                  const active = sort?.column === column.key;
                  return (
                    <th key={column.key} scope="col" data-measure={column.key} aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}>
                      {sort ? (
                        <button type="button" className="sort-button" onClick={() => sort.onSort(column.key)}>
                          {column.label}
                          <span aria-hidden="true">{active ? (sort.descending ? ' ↓' : ' ↑') : ''}</span>
                        </button>
                      ) : (
                        column.label
                      )}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {visibleRows.map((row) => (
                <tr key={row.key} {...rowData(row.key)}>
                  <th scope="row">{row.header}</th>
                  {row.shownCells.map((cell, i) => (
                    <td key={shown[i]?.key} data-measure={shown[i]?.key} className={cell.value === null ? 'stats-table__none' : undefined}>
                      {cell.text}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <figure className="bar-chart" aria-labelledby={captionId}>
          <figcaption id={captionId}>{caption}</figcaption>
          <ol>
            {visibleRows.map((row) => {
              const cell = row.shownCells[0] as Cell;
              return (
                <li key={row.key} {...rowData(row.key)}>
                  <span className="bar-chart__label">{row.header}</span>
                  <span className="bar-chart__bar">{cell.bar === null ? null : <Bar share={cell.bar} />}</span>
                  <span className="bar-chart__value" data-measure={shown[0]?.key}>
                    {cell.text}
                  </span>
                </li>
              );
            })}
          </ol>
        </figure>
      )}
    </div>
  );
};
