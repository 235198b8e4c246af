import { fireEvent, render, screen } from '@testing-library/react';
import React from 'react';

import { QueryType } from '../../shared/queryTypes';
import type { StabilityQuery } from '../types';
import { limitBytesError, OomQueryFields } from './OomQueryFields';

describe('OomQueryFields', () => {
  it("shows the engine's defaults as placeholders and saves only what the user sets", () => {
    const update = jest.fn();
    const query: StabilityQuery = { refId: 'A', queryType: QueryType.OomForecast };
    render(<OomQueryFields query={query} scrapeInterval="1s" update={update} onRunQuery={jest.fn()} />);

    expect(screen.getByPlaceholderText('container_memory_working_set_bytes')).toHaveValue('');
    expect(screen.getByPlaceholderText('container_spec_memory_limit_bytes')).toBeInTheDocument();
    expect(screen.getByPlaceholderText('1s')).toBeInTheDocument(); // the step: the data source's scrape interval
    expect(screen.getByPlaceholderText('40')).toBeInTheDocument();
    expect(screen.getByPlaceholderText('20')).toBeInTheDocument();
    expect(screen.getByPlaceholderText('3')).toBeInTheDocument();
    expect(screen.getByPlaceholderText('0.8')).toBeInTheDocument();

    fireEvent.change(screen.getByPlaceholderText('40'), { target: { value: '60' } });
    expect(update).toHaveBeenLastCalledWith({ horizonSeconds: 60 }, false);
    fireEvent.change(screen.getByPlaceholderText('from metric'), { target: { value: '512MiB' } });
    expect(update).toHaveBeenLastCalledWith({ limitBytes: '512MiB' }, false);
  });

  it('says when the configured limit is not a size', () => {
    const query: StabilityQuery = { refId: 'A', queryType: QueryType.OomForecast, limitBytes: '12 parsecs' };
    render(<OomQueryFields query={query} update={jest.fn()} onRunQuery={jest.fn()} />);
    expect(screen.getByText(/The memory limit "12 parsecs" is not a size/)).toBeInTheDocument();
  });
});

describe('limitBytesError', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['512MiB', undefined],
    ['536870912', undefined],
  ])('accepts %j', (text, expected) => expect(limitBytesError(text)).toBe(expected));
  it('explains a bad size', () => expect(limitBytesError('-3')).toMatch(/not a size/));
});
